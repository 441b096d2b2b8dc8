import { slugify } from '../../shared/render/labels.ts'

/** `patto-val-seriana-2027-documento-patto-2026-12-02.pdf` */
export function pactFileName(title: string, isoDay: string): string {
  return `${slugify(title) || 'trama'}-documento-patto-${isoDay}.pdf`
}

/** `patto-val-seriana-2027-lavagna-2026-12-02.json`: the whole board, to import again. */
export function boardJsonFileName(title: string, isoDay: string): string {
  return `${slugify(title) || 'trama'}-lavagna-${isoDay}.json`
}

/** `patto-val-seriana-2027-versione-3.json`: a saved version of the board, to import. */
export function versionJsonFileName(title: string, version: number | string): string {
  return `${slugify(title) || 'trama'}-versione-${version}.json`
}
