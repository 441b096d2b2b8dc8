import type {
  ActorCategory,
  ObjectiveStatus,
  ProblemRole,
  RelationKind,
  Stance,
} from '../schema/vocabulary.ts'
import type { Quadrant } from '../stakeholders/grid.ts'

/** The four canvases an image can show. */
export const IMAGE_CANVASES = ['problems', 'objectives', 'grid', 'map'] as const
export type ImageCanvas = (typeof IMAGE_CANVASES)[number]
export type ImageLang = 'it' | 'en'

/**
 * The words an image carries. The renderer runs on the server too (no i18next there), so it
 * holds its own small vocabulary, worded like the page's (client/i18n/locales).
 */
export interface ImageLabels {
  canvases: Record<ImageCanvas, string>
  problemRoles: Record<ProblemRole, string>
  objectiveRoles: Record<'core' | 'means' | 'end', string>
  statuses: Record<ObjectiveStatus, string>
  categories: Record<ActorCategory, string>
  relations: Record<RelationKind, string>
  /** An actor's stance, as its chip on the page says it. */
  stances: Record<Stance, string>
  quadrants: Record<Quadrant, string>
  /** Under each quadrant's strategy, what puts an actor there. */
  quadrantHints: Record<Quadrant, string>
  axes: { power: string; interest: string; low: string; high: string }
  /** The tray of actors not yet placed on the grid. */
  tray: string
  legend: string
  causeEffect: string
  meansEnd: string
  checked: string
  emptyCard: string
  emptyCanvas: string
  months: readonly string[]
}

const it: ImageLabels = {
  canvases: {
    problems: 'Albero dei problemi',
    objectives: 'Albero degli obiettivi',
    grid: 'Griglia potere/interesse degli stakeholder',
    map: 'Mappa delle relazioni tra stakeholder',
  },
  problemRoles: { core: 'Problema centrale', cause: 'Causa', effect: 'Effetto' },
  objectiveRoles: { core: 'Obiettivo centrale', means: 'Mezzo', end: 'Fine' },
  statuses: {
    'to-reword': 'Da riformulare',
    reworded: 'Riformulato',
    added: 'Aggiunto',
    discarded: 'Scartato',
  },
  categories: {
    public: 'Sistema Pubblico',
    'third-sector': 'Terzo Settore',
    economic: 'Sistema Economico-Produttivo',
    community: 'Attori della comunità',
  },
  relations: {
    cooperation: 'Cooperazione',
    conflict: 'Conflitto',
    information: 'Scambio di informazioni',
    funding: 'Finanziamento',
  },
  stances: { supports: 'Sostiene', neutral: 'Neutrale', resists: 'Resiste' },
  quadrants: {
    'manage-closely': 'Gestire da vicino',
    'keep-satisfied': 'Mantenere soddisfatti',
    'keep-informed': 'Tenere informati',
    monitor: 'Monitorare',
  },
  quadrantHints: {
    'manage-closely': 'Potere alto · interesse alto',
    'keep-satisfied': 'Potere alto · interesse basso',
    'keep-informed': 'Potere basso · interesse alto',
    monitor: 'Potere basso · interesse basso',
  },
  axes: { power: 'Potere', interest: 'Interesse', low: 'basso', high: 'alto' },
  tray: 'Da collocare',
  legend: 'Legenda',
  causeEffect: 'Legame causa → effetto',
  meansEnd: 'Legame mezzo → fine',
  checked: 'Logica verificata',
  emptyCard: '(senza testo)',
  emptyCanvas: 'Nessuna carta su questa tela.',
  months: [
    'gennaio',
    'febbraio',
    'marzo',
    'aprile',
    'maggio',
    'giugno',
    'luglio',
    'agosto',
    'settembre',
    'ottobre',
    'novembre',
    'dicembre',
  ],
}

const en: ImageLabels = {
  canvases: {
    problems: 'Problem tree',
    objectives: 'Objective tree',
    grid: 'Stakeholder power/interest grid',
    map: 'Stakeholder relationship map',
  },
  problemRoles: { core: 'Core problem', cause: 'Cause', effect: 'Effect' },
  objectiveRoles: { core: 'Core objective', means: 'Means', end: 'End' },
  statuses: {
    'to-reword': 'To reword',
    reworded: 'Reworded',
    added: 'Added',
    discarded: 'Discarded',
  },
  categories: {
    public: 'Public system',
    'third-sector': 'Third sector',
    economic: 'Economic and productive system',
    community: 'Community actors',
  },
  relations: {
    cooperation: 'Cooperation',
    conflict: 'Conflict',
    information: 'Information exchange',
    funding: 'Funding',
  },
  stances: { supports: 'Supports', neutral: 'Neutral', resists: 'Resists' },
  quadrants: {
    'manage-closely': 'Manage closely',
    'keep-satisfied': 'Keep satisfied',
    'keep-informed': 'Keep informed',
    monitor: 'Monitor',
  },
  quadrantHints: {
    'manage-closely': 'High power · high interest',
    'keep-satisfied': 'High power · low interest',
    'keep-informed': 'Low power · high interest',
    monitor: 'Low power · low interest',
  },
  axes: { power: 'Power', interest: 'Interest', low: 'low', high: 'high' },
  tray: 'To place',
  legend: 'Legend',
  causeEffect: 'Cause → effect link',
  meansEnd: 'Means → end link',
  checked: 'Logic checked',
  emptyCard: '(no text)',
  emptyCanvas: 'No cards on this canvas.',
  months: [
    'January',
    'February',
    'March',
    'April',
    'May',
    'June',
    'July',
    'August',
    'September',
    'October',
    'November',
    'December',
  ],
}

export const IMAGE_LABELS: Record<ImageLang, ImageLabels> = { it, en }

/** The canvas part of an image's file name. */
export const CANVAS_FILE_NAMES: Record<ImageCanvas, string> = {
  problems: 'albero-problemi',
  objectives: 'albero-obiettivi',
  grid: 'griglia-stakeholder',
  map: 'mappa-stakeholder',
}

/** «2026-12-02» → «2 dicembre 2026» (the date as the title block writes it). */
export function longDate(isoDay: string, labels: ImageLabels): string {
  const [y, m, d] = isoDay.split('-').map(Number)
  if (!y || !m || !d || m > 12) return isoDay
  return labels === en ? `${labels.months[m - 1]} ${d}, ${y}` : `${d} ${labels.months[m - 1]} ${y}`
}

/** How long a title may be in a file name; a longer one ends at the last whole word within. */
const SLUG_MAX = 60

/** A file-name-safe version of a title: «Patto Val Seriana 2027» → patto-val-seriana-2027. */
export function slugify(text: string): string {
  const slug = text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
  if (slug.length <= SLUG_MAX) return slug
  // «…-val-di-scalve» cut at 60 read «…-val-d»: the words that fit, unless the first is longer
  const end = slug.lastIndexOf('-', SLUG_MAX)
  return end > 0 ? slug.slice(0, end) : slug.slice(0, SLUG_MAX)
}

/**
 * A text shortened to the whole words within `max` characters, with «…» when something was
 * left out: «Poche imprese nelle zone montane» at 30 → «Poche imprese nelle zone…», not
 * «… nelle zone mo». A first word longer than `max` is cut.
 */
export function cutAtWord(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim()
  if (flat.length <= max) return flat
  const end = flat.lastIndexOf(' ', max)
  return `${(end > 0 ? flat.slice(0, end) : flat.slice(0, max)).replace(/[\s,;:.]+$/, '')}…`
}

/** `patto-val-seriana-2027-albero-problemi-2026-12-02.png` */
export function imageFileName(
  title: string,
  canvas: ImageCanvas,
  isoDay: string,
  ext: 'svg' | 'png',
): string {
  const base = slugify(title) || 'trama'
  return `${base}-${CANVAS_FILE_NAMES[canvas]}-${isoDay}.${ext}`
}
