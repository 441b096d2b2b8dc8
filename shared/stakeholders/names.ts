import type { ActorCategory, Stance } from '../schema/index.ts'

/**
 * What people type in a spreadsheet for the stored codes: the code itself, or its Italian or
 * English name. Compared without case, accents or extra spaces.
 */
export const CATEGORY_NAMES: Record<ActorCategory, readonly string[]> = {
  public: [
    'public',
    'sistema pubblico',
    'public system',
    'pubblico',
    'pubblica amministrazione',
    'public sector',
  ],
  'third-sector': ['third-sector', 'terzo settore', 'third sector'],
  economic: [
    'economic',
    'sistema economico-produttivo',
    'sistema economico produttivo',
    'economico-produttivo',
    'economico',
    'economic-productive system',
    'business',
  ],
  community: [
    'community',
    'attori della comunità',
    'attori della comunita',
    'comunità',
    'community actors',
  ],
}

export const STANCE_NAMES: Record<Stance, readonly string[]> = {
  supports: ['supports', 'support', 'sostiene', 'favorevole', 'a favore'],
  neutral: ['neutral', 'neutrale', 'neutro'],
  resists: ['resists', 'resist', 'resiste', 'contrario', 'si oppone', 'oppone'],
}

export function normaliseName(value: string): string {
  return value
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[\s_]+/g, ' ')
    .trim()
}

export function lookupName<T extends string>(
  names: Record<T, readonly string[]>,
  value: string,
): T | null {
  const wanted = normaliseName(value)
  if (!wanted) return null
  for (const [code, aliases] of Object.entries(names) as [T, readonly string[]][])
    if (aliases.some((a) => normaliseName(a) === wanted)) return code
  return null
}

/**
 * The register's column headers: [Italian, English] as the files are written, then the stable
 * code (the field name of the data contract) and older spellings, all read back on import.
 */
export const COLUMN_NAMES = {
  id: ['id', 'id'],
  name: ['Nome', 'Name', 'label', 'nome attore'],
  organisation: ['Ente', 'Organisation', 'organization', 'organizzazione'],
  category: ['Categoria', 'Category'],
  pactRole: ['Ruolo nel patto', 'Role in the pact', 'ruolo'],
  power: ['Potere', 'Power'],
  interest: ['Interesse', 'Interest'],
  stance: ['Posizione', 'Stance', 'posizione attuale', 'current stance'],
  desiredStance: ['Posizione desiderata', 'Desired stance', 'desiderata', 'desired'],
  engagement: ['Piano di coinvolgimento', 'Engagement plan', 'coinvolgimento'],
  interests: ['Interessi', 'Interests'],
  affected: ['Come li tocca', 'How it affects them', 'come il problema li tocca'],
  capacity: ['Capacità', 'Capacity'],
  motivation: ['Motivazione', 'Motivation'],
  contribution: ['Contributo', 'Contribution'],
  contact: ['Contatto', 'Contact', 'contatti'],
  objectives: ['Obiettivi', 'Objectives'],
} as const

export type ColumnCode = keyof typeof COLUMN_NAMES

/** The words a facilitator sees for each code, used in exported files. */
export interface VocabularyNames {
  category: Record<ActorCategory, string>
  stance: Record<Stance, string>
  /** The header row (Italian by default). */
  columns?: Record<ColumnCode, string>
}

/** Header words in one of the two languages. */
export function columnNames(language: 'it' | 'en'): Record<ColumnCode, string> {
  const i = language === 'en' ? 1 : 0
  return Object.fromEntries(
    Object.entries(COLUMN_NAMES).map(([code, names]) => [code, names[i]]),
  ) as Record<ColumnCode, string>
}

/** As the Italian UI shows them (import reads them back through the aliases above). */
export const ITALIAN_NAMES: VocabularyNames = {
  category: {
    public: 'Sistema Pubblico',
    'third-sector': 'Terzo Settore',
    economic: 'Sistema Economico-Produttivo',
    community: 'Attori della comunità',
  },
  stance: { supports: 'Sostiene', neutral: 'Neutrale', resists: 'Resiste' },
  columns: columnNames('it'),
}
