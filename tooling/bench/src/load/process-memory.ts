import { readFileSync } from 'node:fs'

/** A field of /proc/<pid>/status in MB (VmRSS: resident now; VmHWM: the highest resident so far). */
export function memoryMb(pid: number, field: 'VmRSS' | 'VmHWM'): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8')
  const kb = Number(new RegExp(`${field}:\\s+(\\d+)`).exec(status)?.[1] ?? Number.NaN)
  return kb / 1024
}

/** Samples a process's resident memory until `stop()`, which returns the highest sample in MB. */
export function sampleMemory(pid: number, everyMs = 200): { stop(): number } {
  let peak = memoryMb(pid, 'VmRSS')
  const timer = setInterval(() => (peak = Math.max(peak, memoryMb(pid, 'VmRSS'))), everyMs)
  return {
    stop() {
      clearInterval(timer)
      return Math.max(peak, memoryMb(pid, 'VmRSS'))
    },
  }
}
