/**
 * Which office the lists show: the user's own (undefined) unless leadership of a higher office picked
 * one below it. Kept for the whole session, so every page follows the same choice.
 */
export function useOfficeScope() {
  const officeId = useState<string | undefined>('office-scope', () => undefined)
  return { officeId }
}
