import { spokenCall } from '@mejabantu/domain'
import type { BoardView } from '~/components/display/QueueBoardScreen.vue'

const SOUND_KEY = 'mejabantu.display.sound'
const VOICE_KEY = 'mejabantu.display.voice'

/** A switch kept in localStorage, on unless it was turned off on this screen. */
function storedSwitch(key: string) {
  const on = ref(localStorage.getItem(key) !== 'off')
  watch(on, (value) => localStorage.setItem(key, value ? 'on' : 'off'))
  return on
}

let audio: AudioContext | null = null

/** Two soft tones from an oscillator: nothing is fetched, so the chime works offline too. */
function chime() {
  audio ??= new AudioContext()
  const start = audio.currentTime
  for (const [index, frequency] of [880, 660].entries()) {
    const tone = audio.createOscillator()
    const gain = audio.createGain()
    tone.frequency.value = frequency
    gain.gain.setValueAtTime(0.001, start + index * 0.35)
    gain.gain.exponentialRampToValueAtTime(0.3, start + index * 0.35 + 0.05)
    gain.gain.exponentialRampToValueAtTime(0.001, start + index * 0.35 + 0.6)
    tone.connect(gain).connect(audio.destination)
    tone.start(start + index * 0.35)
    tone.stop(start + index * 0.35 + 0.65)
  }
}

function speak(text: string) {
  if (!('speechSynthesis' in window)) return
  const utterance = new SpeechSynthesisUtterance(text)
  utterance.lang = 'id-ID'
  utterance.rate = 0.9
  window.speechSynthesis.speak(utterance)
}

/**
 * Announces each new call on the board: a chime, then the call spoken in Bahasa Indonesia. The board the
 * screen opens with is not announced (nobody was just called); a recall moves `calledAt`, so it is.
 */
export function useCallAnnouncer(board: Ref<BoardView | null>) {
  const sound = storedSwitch(SOUND_KEY)
  const voice = storedSwitch(VOICE_KEY)
  let last: string | null | undefined
  watch(board, (value) => {
    if (!value) return
    const current = value.called[0]
    const key = current ? `${current.queueNumber}@${new Date(current.calledAt).getTime()}` : null
    const first = last === undefined
    const changed = key !== last
    last = key
    if (first || !changed || !current) return
    try {
      if (sound.value) chime()
    } catch {
      // No audio device: the voice and the screen still tell.
    }
    if (voice.value) speak(spokenCall(current.queueNumber, current.desk))
  })
  return { sound, voice }
}
