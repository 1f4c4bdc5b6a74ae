import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { namesOf, SCRUB_MASKS, scrubberFor, scrubPersonalData } from './scrub.ts'

const { phone, nik, npwp, email, address, name, link } = SCRUB_MASKS

describe('what the scrubber removes', () => {
  it.each([
    // phones: mobile
    ['HP (0812) 3456-7789 ya', `HP ${phone} ya`],
    ['WA +62 (812) 3456-7789', `WA ${phone}`],
    ['(+62) 812 3456 7789', phone],
    ['+62 812-3456-7789', phone],
    ['+6281234567789', phone],
    ['6281234567789', phone],
    ['0812 3456 7789', phone],
    ['0812-3456-7789', phone],
    ['0812.3456.7789', phone],
    ['081234567789', phone],
    ['0812 345 678', phone],
    ['HP0812-3456-7789.', `HP${phone}.`],
    ['hubungi (0812-3456-7789)', `hubungi (${phone})`],
    // phones: landlines
    ['kantor (0274) 367123', `kantor ${phone}`],
    ['0274-367123', phone],
    ['0274 367 123', phone],
    ['(021) 555-1234', phone],
    ['+62 274 367123', phone],
    ['+62 (274) 367123', phone],
    // a phone followed by another number gives a short one back, masks a long run whole
    ['nomor 0812 3456 7789 30 hari', `nomor ${phone} 30 hari`],
    ['nomor 0812 3456 7789 2024', `nomor ${phone}`],
    // NIK and NPWP
    ['NIK 3402011234560001', `NIK ${nik}`],
    ['NIK: 3402 0112 3456 0001', `NIK: ${nik}`],
    ['NIK 34.02.01.1234.5600.01', `NIK ${nik}`],
    ['NPWP 01.234.567.8-901.000', `NPWP ${npwp}`],
    ['NPWP 012345678901000', `NPWP ${npwp}`],
    ['NPWP 0012 3456 7890 1000', `NPWP ${npwp}`],
    ['NPWP 0012345678901000', `NPWP ${npwp}`],
    // e-mails, plain and written out
    ['siti.r@mail.co.id', email],
    ['siti[at]mail.com', email],
    ['siti [at] mail [dot] co [dot] id', email],
    ['siti(at)mail(dot)com', email],
    ['siti at mail dot com', email],
    ['SITI AT MAIL DOT COM', email],
    ['siti @ mail.co.id.', `${email}.`],
    ['siti{at}mail{dot}id', email],
    // links
    ['lihat https://wa.me/6281234567789.', `lihat ${link}.`],
    ['www.contoh.id/siti', link],
    // addresses
    ['Jl. Mawar No. 5', address],
    ['Jl Mawar 5', address],
    ['jl. mawar no 5 dan', `${address} dan`],
    ['Jln. Parangtritis Km. 5 No. 12', address],
    ['Jalan Malioboro No. 52, Yogyakarta', `${address}, Yogyakarta`],
    ['Jalan KH. Ahmad Dahlan Gg. Melati 3', address],
    ['RT 03/RW 05', address],
    ['RT.003 RW.005', address],
    ['RT 3 RW 5', address],
    ['RT03/RW05', address],
    ['rt/rw 003/005', address],
    ['Desa Trirenggo', address],
    ['warga desa Sumber Rejo', `warga ${address}`],
    ['Kelurahan Bantul', address],
    ['Dusun Jetis, Kecamatan Sewon', address],
    ['Kec. Sewon, Kel. Pendowoharjo', address],
    ['Padukuhan Karang', address],
  ])('%s', (text, scrubbed) => {
    expect(scrubPersonalData(text)).toBe(scrubbed)
  })

  it('scrubs a whole careless question', () => {
    expect(
      scrubPersonalData(
        'Saya Siti Rahmawati, hubungi 0812-3456-7890 atau siti[at]mail.com, Jl. Mawar No. 5 RT 03/RW 05 ' +
          'Desa Trirenggo. NIK 3402011234560001.',
        ['Siti Rahmawati'],
      ),
    ).toBe(`Saya ${name}, hubungi ${phone} atau ${email}, ${address}. NIK ${nik}.`)
  })
})

describe('what the scrubber keeps', () => {
  it.each([
    '6 September 2024',
    'Perbaikan 6–8 September 2024, 12 pasangan',
    'tanggal 06-09-2024 dan 6/9/2024 atau 06.09.2024',
    '2024-09-06',
    'pukul 08.00–16.00 WIB',
    'pukul 08.00-16.00 WIB, 23:59, jam 9.30',
    'Senin–Jumat 08.00–16.00 WITA',
    'PKPU 8/2024',
    'PKPU Nomor 8 Tahun 2024 tentang Pencalonan',
    'Pasal 14 ayat (2) huruf e',
    'UU 10/2016 dan UU Nomor 27 Tahun 2022',
    'Keputusan KPU 1229/2024',
    'Keputusan KPU Nomor 1229 Tahun 2024',
    '30 hari kalender',
    'Rp 1.000.000',
    'Rp 62.500.000.000',
    '20% kursi DPRD',
    'LK-34.02-2024-00012',
    'LAP-34.02-2024-003',
    'kode wilayah 34.02',
    'dokumen C1–C14, P1–P5',
    'nomor urut 2',
    'KPU Kabupaten Bantul, KPU Daerah Istimewa Yogyakarta',
    'jalan keluar terbaik',
    'Jalan keluarnya ada di Pasal 5',
    'dana desa Tahun 2024',
    'Desa yang jauh',
    'Kelurahan dan desa',
    'Situs KPU dibuka; suami saya boleh mencalonkan?',
    'pemilu yang adil dan pemandangan indah',
    'SILON, Sirekap, e-mail, WhatsApp, grup',
    'Rapat at 2 pm',
  ])('%s', (text) => {
    expect(scrubPersonalData(text, ['Siti Rahmawati', 'Adil Indah'])).toBe(text)
  })

  it('leaves masks alone, so scrubbing twice changes nothing', () => {
    const once = scrubPersonalData('Siti: 0812-3456-7789, siti@mail.id, Jl. Mawar No. 5', ['Siti', 'nama'])
    expect(scrubPersonalData(once, ['Siti', 'nama'])).toBe(once)
  })
})

describe('names the record gives', () => {
  it('removes whole names and their parts, whatever the case and spacing', () => {
    const scrubbed = scrubPersonalData(
      'SITI bertanya; rahmawati menjawab. SitiRahmawati dan Siti   Rahmawati hadir. Situs KPU dibuka.',
      ['Siti Rahmawati'],
    )
    expect(scrubbed).toBe(`${name} bertanya; ${name} menjawab. ${name} dan ${name} hadir. Situs KPU dibuka.`)
  })

  it('matches whole words only', () => {
    expect(scrubPersonalData('Budiman dan Budi, Sitinjak', ['Budi', 'Siti'])).toBe(
      `Budiman dan ${name}, Sitinjak`,
    )
  })

  it('removes a part that is also an everyday word only where capitalised', () => {
    expect(
      scrubPersonalData('Bu Indah bilang hasilnya indah; Pak Adil minta yang adil', [
        'Indah Lestari',
        'Adil',
      ]),
    ).toBe(`Bu ${name} bilang hasilnya indah; Pak ${name} minta yang adil`)
  })

  it('does not remove titles and particles on their own', () => {
    expect(scrubPersonalData('Pak Ahmad dan Umar; kata bin, binti dan haji', ['Haji Ahmad bin Umar'])).toBe(
      `Pak ${name} dan ${name}; kata bin, binti dan haji`,
    )
  })

  it('treats names as text, not patterns', () => {
    expect(scrubPersonalData('A.(b) hadir; Axxb tidak', ['A.(b)'])).toBe(`${name} hadir; Axxb tidak`)
  })

  it('collects every name of a record once', () => {
    expect(
      namesOf({
        askerName: 'Siti Rahmawati',
        guestName: ' Siti Rahmawati ',
        participants: [{ name: 'Budi Santoso' }, {}],
        loNames: ['Agus', null],
        staffNames: ['Petugas Bantul', ''],
      }),
    ).toEqual(['Siti Rahmawati', 'Budi Santoso', 'Agus', 'Petugas Bantul'])
  })

  it('builds a scrubber once for many texts', () => {
    const scrub = scrubberFor(['Siti'])
    expect(['Siti', 'Bu Siti', 'siti@mail.id'].map(scrub)).toEqual([name, `Bu ${name}`, email])
  })
})

// Any Indonesian number in any common spelling, among ordinary words.
const digits = (min: number, max: number) =>
  fc.array(fc.integer({ min: 0, max: 9 }), { minLength: min, maxLength: max }).map((d) => d.join(''))
// Groups of four, ending in threes (or a two) as people write them: 3456 7789, 345 678, 3671 23.
function grouped(subscriber: string, sep: string): string {
  if (sep === '') return subscriber
  const parts: string[] = []
  let rest = subscriber
  while (rest.length > 4) {
    const size = rest.length <= 6 ? 3 : 4
    parts.push(rest.slice(0, size))
    rest = rest.slice(size)
  }
  return [...parts, rest].join(sep)
}
const mobile = fc
  .tuple(fc.integer({ min: 1, max: 9 }), digits(1, 1), digits(6, 9))
  .map(([a, b, subscriber]) => ({ area: `8${a}${b}`, subscriber, mobile: true }))
const landline = fc
  .oneof(
    fc.tuple(fc.constantFrom('21', '22', '24', '31', '61'), digits(7, 8)),
    fc.tuple(fc.constantFrom('274', '361', '411', '967', '751'), digits(5, 7)),
  )
  .map(([area, subscriber]) => ({ area, subscriber, mobile: false }))
const spellings = {
  national: (area: string, rest: string, sep: string) => `0${area}${sep}${rest}`,
  parenthesised: (area: string, rest: string) => `(0${area}) ${rest}`,
  international: (area: string, rest: string, sep: string) => `+62 ${area}${sep}${rest}`,
  internationalTight: (area: string, rest: string, sep: string) => `+62${area}${sep}${rest}`,
  internationalHyphen: (area: string, rest: string) => `+62-${area}-${rest}`,
  internationalArea: (area: string, rest: string) => `+62 (${area}) ${rest}`,
  parenthesisedCountry: (area: string, rest: string, sep: string) => `(+62) ${area}${sep}${rest}`,
  // Without the plus only mobiles are read as phones, so "Rp 62.500.000" stays.
  bare: (area: string, rest: string, sep: string) => `62${area}${sep}${rest}`,
}
const spelledPhone = fc
  .tuple(
    fc.oneof(mobile, landline),
    fc.constantFrom(' ', '-', '.', ''),
    fc.constantFrom(...(Object.keys(spellings) as (keyof typeof spellings)[])),
  )
  .filter(([number, , spelling]) => spelling !== 'bare' || number.mobile)
  .map(([{ area, subscriber }, sep, spelling]) => spellings[spelling](area, grouped(subscriber, sep), sep))
const word = fc.oneof(
  fc.constantFrom(
    'hubungi',
    'nomor',
    'HP',
    'WA',
    'telp.',
    'Pak',
    'Bu',
    'saya',
    'di',
    'atau',
    'terima',
    'kasih',
  ),
  // Not the words that open an address or spell an e-mail ("jl mawar", "rw 1", "x at y dot id").
  fc.stringMatching(/^[a-z]{2,9}$/).filter((w) => !/^(?:jln?|rt|rw|at|et|dot|titik)$/.test(w)),
)
const punctuation = fc.constantFrom('', ',', '.', ':', ';', ')')

describe('a phone in any spelling never survives', () => {
  it('among random words', () => {
    fc.assert(
      fc.property(
        fc.array(word, { maxLength: 4 }),
        spelledPhone,
        punctuation,
        fc.array(word, { maxLength: 4 }),
        (before, number, after, rest) => {
          const text = [...before, `${number}${after}`, ...rest].join(' ')
          const scrubbed = scrubPersonalData(text)
          expect(scrubbed, text).not.toMatch(/\d/)
          for (const w of [...before, ...rest]) expect(scrubbed, text).toContain(w)
        },
      ),
      { numRuns: 2000 },
    )
  })
})

describe('long text', () => {
  it('is scrubbed in linear time, whatever its shape', () => {
    const shapes = ['1.', '0-', 'a', '0812 ', 'x at ', 'a dot ', 'Aaa ', 'Desa ', 'RT 1 ', '(', 'a.']
    const started = performance.now()
    for (const shape of shapes)
      scrubPersonalData(`${shape.repeat(Math.ceil(20_000 / shape.length))}@`, ['Siti'])
    expect(performance.now() - started).toBeLessThan(1_000)
  })
})

const two = (n: number) => String(n).padStart(2, '0')
const keptToken = fc.oneof(
  fc
    .tuple(
      fc.integer({ min: 1, max: 28 }),
      fc.integer({ min: 1, max: 12 }),
      fc.integer({ min: 1990, max: 2035 }),
    )
    .chain(([d, m, y]) =>
      fc.constantFrom(
        `${two(d)}-${two(m)}-${y}`,
        `${d}/${m}/${y}`,
        `${y}-${two(m)}-${two(d)}`,
        `${d} September ${y}`,
      ),
    ),
  fc
    .tuple(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 }))
    .map(([h, m]) => `pukul ${two(h)}.${two(m)} WIB`),
  fc
    .tuple(fc.constantFrom('PKPU', 'UU', 'Keputusan KPU', 'Perbawaslu'), fc.integer({ min: 1, max: 2000 }))
    .chain(([rule, n]) => fc.constantFrom(`${rule} ${n}/2024`, `${rule} Nomor ${n} Tahun 2024`)),
  fc
    .tuple(fc.integer({ min: 1, max: 200 }), fc.integer({ min: 1, max: 9 }))
    .map(([article, clause]) => `Pasal ${article} ayat (${clause})`),
  fc.integer({ min: 1, max: 90 }).map((n) => `${n} hari`),
)

describe('dates, times, regulation numbers and counts always survive', () => {
  it('among random words', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(word, keptToken), { minLength: 1, maxLength: 8 }), (tokens) => {
        const text = tokens.join(' ')
        expect(scrubPersonalData(text, ['Siti Rahmawati'])).toBe(text)
      }),
      { numRuns: 1000 },
    )
  })
})

describe('a NIK or NPWP in any spacing never survives', () => {
  const separated = (number: string, sep: string) => number.match(/.{1,4}/g)!.join(sep)
  it('among random words', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.tuple(fc.integer({ min: 11, max: 94 }), digits(14, 14)).map(([p, rest]) => `${p}${rest}`),
          digits(15, 15),
        ),
        fc.constantFrom('', ' ', '.', '-'),
        fc.array(word, { maxLength: 3 }),
        (number, sep, words) => {
          const text = [...words, separated(number, sep), ...words].join(' ')
          expect(scrubPersonalData(text), text).not.toMatch(/\d/)
        },
      ),
      { numRuns: 1000 },
    )
  })
})
