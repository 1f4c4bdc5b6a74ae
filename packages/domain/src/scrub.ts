/**
 * The one scrubber free text passes through before it leaves for the public page, a share post or an
 * export (UU PDP 27/2022): e-mails, links, NIK, NPWP, phone numbers, street addresses, RT/RW, village and
 * district names, and the names the record gives. Dates, times and regulation numbers are set aside
 * first, so "06-09-2024", "08.00" and "PKPU 8/2024" never look like a phone or an ID number.
 */

/** What stands in for each kind of personal data. */
export const SCRUB_MASKS = {
  email: '[email]',
  link: '[tautan]',
  nik: '[NIK]',
  npwp: '[NPWP]',
  phone: '[telepon]',
  address: '[alamat]',
  name: '[nama]',
} as const

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
// Letters match in either case, everything else literally: a keyword without the regex `i` flag.
const anyCase = (word: string) =>
  [...word]
    .map((c) => (c.toLowerCase() !== c.toUpperCase() ? `[${c.toLowerCase()}${c.toUpperCase()}]` : escape(c)))
    .join('')

// A number may follow letters ("HP0812…") but never starts inside another number.
const notInNumber = String.raw`(?<![\p{N}+]|\d[.\-])`
const numberEnds = String.raw`(?![\p{N}]|[.\-]\d)`

// Set aside before scrubbing, put back after.
const kept: readonly RegExp[] = [
  // 06-09-2024, 6/9/2024, 06.09.2024
  /(?<![\p{N}.\-/])(?:0?[1-9]|[12]\d|3[01])([-/.])(?:0?[1-9]|1[0-2])\1(?:19|20)\d{2}(?![\p{N}])/gu,
  // 2024-09-06
  /(?<![\p{N}])(?:19|20)\d{2}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])(?![\p{N}])/gu,
  // 08.00, 16:30, 23.59.59
  /(?<![\p{N}.:])(?:[01]?\d|2[0-3])[.:][0-5]\d(?:[.:][0-5]\d)?(?![\p{N}]|[.:,]\d)/gu,
  // PKPU 8/2024, UU 10/2016, Keputusan KPU 1229/2024
  /(?<![\p{N}/])\d{1,4}\s?\/\s?(?:19|20)\d{2}(?![\p{N}])/gu,
]

const link = /(?<![\p{L}\p{N}])(?:https?:\/\/|www\.)\S+?(?=[.,;:!?)]*(?:\s|$))/giu

const at = String.raw`(?:\s*@\s*|\s*[[({]\s*(?:at|et)\s*[\])}]\s*|\s+at\s+)`
const dot = String.raw`(?:\.|\s*[[({]\s*(?:dot|titik)\s*[\])}]\s*|\s+(?:dot|titik)\s+)`
const email = new RegExp(
  String.raw`(?<![\p{L}\p{N}._%+\-])[\p{L}\p{N}._%+\-]+${at}[\p{L}\p{N}\-]+(?:${dot}[\p{L}\p{N}\-]+)*${dot}\p{L}{2,}(?![\p{L}\p{N}])`,
  'giu',
)

// 15 or 16 digits, with or without separators: 3402011234560001, 3402 0112 3456 0001, 01.234.567.8-901.000.
const identityNumber = new RegExp(String.raw`${notInNumber}\d(?:[.\- ]?\d){14,15}${numberEnds}`, 'gu')

const gap = String.raw`(?:\s?[.\-]\s?|\s)`
const trunk = [
  String.raw`\(\s*(?:\+?\s?62\s?)?0?\d{2,4}\s*\)`, // (0812), (0274), (+62 812)
  String.raw`(?:\(\s*\+\s?62\s*\)|\+\s?62)${gap}?(?:\(\s*0?\d{1,4}\s*\)|\(0\)\s?\d{2,4}|0?\d{1,4})`, // +62 812, +62 (812), (+62) 812
  String.raw`62\s?8\d{1,3}`, // 62812…: without the plus, mobiles only, so "Rp 62.500.000" stays
  String.raw`0\d{1,3}`, // 0812, 0274, 021
].join('|')
const phone = new RegExp(
  String.raw`${notInNumber}(?:${trunk})${gap}?\d{2,10}(?:${gap}\d{2,10}){0,3}${numberEnds}`,
  'gu',
)
const lastGroup = new RegExp(String.raw`${gap}\d+$`, 'u')

/** Whether the digits of a run are an Indonesian mobile or landline number. */
function isPhoneNumber(run: string): boolean {
  const digits = run.replace(/\D/g, '')
  const national = digits.startsWith('62') ? `0${digits.slice(2).replace(/^0/, '')}` : digits
  return /^08[1-9]\d{7,10}$/.test(national) || /^0[2-79]\d{7,9}$/.test(national)
}

// A phone followed by another number ("0812 3456 7789 2024") gives the trailing groups back.
function maskPhone(run: string): string {
  let head = run
  let rest = ''
  while (!isPhoneNumber(head)) {
    const tail = lastGroup.exec(head)
    if (!tail) return run
    rest = tail[0] + rest
    head = head.slice(0, tail.index)
  }
  return SCRUB_MASKS.phone + rest
}

// A NIK starts with a province code (11–94); an NPWP has 15 digits, or 16 beginning with 0. A spaced run
// that opens with a phone ("0812 3456 7789 2024") is masked whole: it cannot be told from an NPWP.
function maskIdentityNumber(run: string): string {
  if (/^0[2-9]/.test(run) && !/[.-]/.test(run) && maskPhone(run) !== run) return SCRUB_MASKS.phone
  return run.replace(/\D/g, '').length === 16 && !run.startsWith('0') ? SCRUB_MASKS.nik : SCRUB_MASKS.npwp
}

const cap = String.raw`\p{Lu}[\p{L}'’.\-]*`
const streetWord = String.raw`(?:${cap}|\d+[A-Za-z]?)`
const houseNumber = String.raw`(?:\s*,?\s*(?:${['no', 'nomor', 'km', 'gg', 'gang', 'blok'].map(anyCase).join('|')})\.?\s*[\p{L}\p{N}/\-]+(?:\s+\d+[A-Za-z]?)?)`
// "Jl."/"Jln." take any street name; the word "Jalan" only a capitalised one, so "jalan keluar" stays.
const street = new RegExp(
  String.raw`(?<![\p{L}])(?:${anyCase('jl')}[nN]?(?:\.\s*|\s+)[\p{L}\p{N}][\p{L}\p{N}'’.\-]*|Jalan\s+${streetWord})(?:\s+${streetWord}){0,5}${houseNumber}*`,
  'gu',
)
const rtRw =
  /(?<![\p{L}])(?:rt\.?\s*\/\s*rw\.?\s*\d{1,3}\s*\/\s*\d{1,3}|rt\.?\s*\d{1,3}(?:\s*[/,]?\s*rw\.?\s*\d{1,3})?|rw\.?\s*\d{1,3})(?![\p{N}])/giu
const placeWords = ['desa', 'kelurahan', 'dusun', 'kecamatan', 'padukuhan', 'pedukuhan', 'kampung']
const placeShort = ['kel', 'kec', 'ds', 'dsn']
// A village or district is named with a capital; "dana desa" or "desa Tahun 2024" are not places.
const notAPlace = String.raw`(?!(?:Tahun|Nomor|Pasal|Kabupaten|Kota|Provinsi|Dan|Yang|Di|Ke|Dari)(?![\p{L}]))`
const placeName = String.raw`${notAPlace}\p{Lu}[\p{L}'’\-]*`
const place = new RegExp(
  String.raw`(?<![\p{L}])(?:(?:${placeWords.map(anyCase).join('|')})\s+|(?:${placeShort.map(anyCase).join('|')})\.\s*)${placeName}(?:\s+${placeName}){0,2}`,
  'gu',
)
const repeatedAddress = /\[alamat\](?:[\s,/]+\[alamat\])+/g

// Parts of a name that are titles or particles, never removed on their own.
const particles = new Set(
  'bin binti haji hajah hajjah drs dra prof ibu bapak sdr sdri raden mas mbak'.split(' '),
)
// Parts of a name that are everyday words too: removed only where written with a capital.
const everydayWords = new Set(
  `adil agung ayu bagus baik bintang bulan bunga cahaya cinta endah fajar harapan indah intan jaya
   kasih kurnia langit lestari mulia murni mutiara permata putra putri rahayu ratu sari sehat setia
   sinar subur suci teguh utama wangi damai budi hati ria rizki rezeki surya tirta wahyu`.split(/\s+/),
)

// Whole words only; a mask already written ("[nama]") is not a word to match again.
const asWord = (pattern: string) => String.raw`(?<![\p{L}\p{N}\[])(?:${pattern})(?![\p{L}\p{N}])`

function namePattern(names: readonly string[]): RegExp | null {
  const alternatives = new Set<string>()
  for (const name of names) {
    const words = name.trim().split(/\s+/).filter(Boolean)
    // A one-word name is matched like a part, so "Adil" alone spares "yang adil".
    if (words.length > 1) alternatives.add(words.map(anyCase).join(String.raw`\s*`))
    for (const part of words.length > 1 ? name.split(/[\s.,;()]+/) : words) {
      const lower = part.toLowerCase()
      if ([...part].length < (words.length > 1 ? 3 : 2) || particles.has(lower)) continue
      alternatives.add(
        everydayWords.has(lower) ? escape(part[0]!.toUpperCase()) + anyCase(part.slice(1)) : anyCase(part),
      )
    }
  }
  const longestFirst = [...alternatives].sort((a, b) => b.length - a.length)
  return longestFirst.length ? new RegExp(asWord(longestFirst.join('|')), 'gu') : null
}

/** A scrubber built once for a record's names, to run over many texts of that record. */
export type Scrubber = (text: string) => string

/**
 * A scrubber that also removes the given names (asker, guest, participants, LO, staff): each whole name
 * whatever its case and spacing, and each part of three letters or more on its own, whole words only. A
 * part that is an everyday word ("Indah", "Adil") goes only where it is written with a capital.
 */
export function scrubberFor(names: readonly string[] = []): Scrubber {
  const named = namePattern(names)
  return (text) => {
    const setAside: string[] = []
    let out = text
    for (const pattern of kept) {
      out = out.replace(pattern, (match) => {
        setAside.push(match)
        return `\uE000${String.fromCharCode(0xe100 + setAside.length - 1)}`
      })
    }
    out = out
      .replace(link, SCRUB_MASKS.link)
      .replace(email, SCRUB_MASKS.email)
      .replace(identityNumber, maskIdentityNumber)
      .replace(phone, maskPhone)
      .replace(rtRw, SCRUB_MASKS.address)
      .replace(street, SCRUB_MASKS.address)
      .replace(place, SCRUB_MASKS.address)
      .replace(repeatedAddress, SCRUB_MASKS.address)
    if (named) out = out.replace(named, SCRUB_MASKS.name)
    return out.replace(
      /\uE000([\uE100-\uF8FF])/gu,
      (match, index: string) => setAside[index.charCodeAt(0) - 0xe100] ?? match,
    )
  }
}

/** Free text made safe to publish or export; see {@link scrubberFor}. */
export function scrubPersonalData(text: string, names: readonly string[] = []): string {
  return scrubberFor(names)(text)
}

/** What a record names, in whichever fields it has: the list the scrubber takes. */
export interface RecordNames {
  askerName?: string | null | undefined
  guestName?: string | null | undefined
  participants?: readonly { name?: string | null | undefined }[] | null | undefined
  loNames?: readonly (string | null | undefined)[] | undefined
  staffNames?: readonly (string | null | undefined)[] | undefined
}

/** Every name a record gives, once each, for {@link scrubberFor}. */
export function namesOf(record: RecordNames): string[] {
  const all = [
    record.askerName,
    record.guestName,
    ...(record.participants ?? []).map((p) => p.name),
    ...(record.loNames ?? []),
    ...(record.staffNames ?? []),
  ]
  return [...new Set(all.flatMap((name) => (name?.trim() ? [name.trim()] : [])))]
}
