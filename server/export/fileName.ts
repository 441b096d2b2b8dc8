import { slugify } from '../../shared/render/labels.ts'

/** `patto-val-seriana-2027-documento-patto-2026-12-02.pdf` */
export function pactFileName(title: string, isoDay: string): string {
  return `${slugify(title) || 'trama'}-documento-patto-${isoDay}.pdf`
}
