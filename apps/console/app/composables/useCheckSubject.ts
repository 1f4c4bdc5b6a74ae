import { CandidateRole, type Locale } from '@mejabantu/domain'

/** Whose document a check is, in the user's language: a candidate's seat, the pair, or a party's name. */
export function useCheckSubject() {
  const { t, locale } = useI18n()
  return (subject: string) =>
    subject === 'pasangan'
      ? t('pairs.subjectPair')
      : CandidateRole.values.includes(subject as never)
        ? CandidateRole.label(subject as CandidateRole, locale.value as Locale)
        : subject
}
