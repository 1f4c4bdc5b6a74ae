import type { TimeZone } from './time.ts'

/** A province as Kemendagri codes it, with the name of its KPU office and the zone it keeps. */
export interface Province {
  code: string
  /** The name of the province's KPU office (Aceh's is the Komisi Independen Pemilihan). */
  officeName: string
  timeZone: TimeZone
}

const kpu = (region: string) => `KPU Provinsi ${region}`

// Kepmendagri 100.1.1-6117/2022: 38 provinces. Every province lies in one time zone, so its
// Kab/Kota keep the same one.
const table: ReadonlyArray<readonly [string, string, TimeZone]> = [
  ['11', 'Komisi Independen Pemilihan Aceh', 'WIB'],
  ['12', kpu('Sumatera Utara'), 'WIB'],
  ['13', kpu('Sumatera Barat'), 'WIB'],
  ['14', kpu('Riau'), 'WIB'],
  ['15', kpu('Jambi'), 'WIB'],
  ['16', kpu('Sumatera Selatan'), 'WIB'],
  ['17', kpu('Bengkulu'), 'WIB'],
  ['18', kpu('Lampung'), 'WIB'],
  ['19', kpu('Kepulauan Bangka Belitung'), 'WIB'],
  ['21', kpu('Kepulauan Riau'), 'WIB'],
  ['31', kpu('DKI Jakarta'), 'WIB'],
  ['32', kpu('Jawa Barat'), 'WIB'],
  ['33', kpu('Jawa Tengah'), 'WIB'],
  ['34', 'KPU Daerah Istimewa Yogyakarta', 'WIB'],
  ['35', kpu('Jawa Timur'), 'WIB'],
  ['36', kpu('Banten'), 'WIB'],
  ['51', kpu('Bali'), 'WITA'],
  ['52', kpu('Nusa Tenggara Barat'), 'WITA'],
  ['53', kpu('Nusa Tenggara Timur'), 'WITA'],
  ['61', kpu('Kalimantan Barat'), 'WIB'],
  ['62', kpu('Kalimantan Tengah'), 'WIB'],
  ['63', kpu('Kalimantan Selatan'), 'WITA'],
  ['64', kpu('Kalimantan Timur'), 'WITA'],
  ['65', kpu('Kalimantan Utara'), 'WITA'],
  ['71', kpu('Sulawesi Utara'), 'WITA'],
  ['72', kpu('Sulawesi Tengah'), 'WITA'],
  ['73', kpu('Sulawesi Selatan'), 'WITA'],
  ['74', kpu('Sulawesi Tenggara'), 'WITA'],
  ['75', kpu('Gorontalo'), 'WITA'],
  ['76', kpu('Sulawesi Barat'), 'WITA'],
  ['81', kpu('Maluku'), 'WIT'],
  ['82', kpu('Maluku Utara'), 'WIT'],
  ['91', kpu('Papua'), 'WIT'],
  ['92', kpu('Papua Barat'), 'WIT'],
  ['93', kpu('Papua Selatan'), 'WIT'],
  ['94', kpu('Papua Tengah'), 'WIT'],
  ['95', kpu('Papua Pegunungan'), 'WIT'],
  ['96', kpu('Papua Barat Daya'), 'WIT'],
]

/** Every province, by code. */
export const provinces: readonly Province[] = table.map(([code, officeName, timeZone]) => ({
  code,
  officeName,
  timeZone,
}))

const byCode = new Map(provinces.map((p) => [p.code, p]))

/** The province a region code lies in ("34" or "34.02" → DI Yogyakarta); undefined for KPU RI or none. */
export function provinceOf(regionCode: string): Province | undefined {
  return byCode.get(regionCode.slice(0, 2))
}
