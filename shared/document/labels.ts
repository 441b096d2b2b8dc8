import type { LogframeLevel, Stance } from '../schema/vocabulary.ts'
import { IMAGE_LABELS, type ImageLabels, type ImageLang } from '../render/labels.ts'

/**
 * The words of the pact document and of the spreadsheets. Like the image renderer, these run on
 * the server (no i18next there), so they hold their own vocabulary, worded like the page's
 * (client/i18n/locales).
 */
export interface DocumentLabels {
  image: ImageLabels
  documentKind: string
  /** Title page: what each line is. */
  date: string
  people: string
  noPeople: string
  phase: string
  phases: Record<'problems' | 'objectives' | 'stakeholders' | 'pact', string>
  contents: string
  page: (n: number, of: number) => string
  /** A picture too large for a readable page, cut over several: which piece this is. */
  piece: (n: number, of: number) => string
  /** A tree too large for a readable page, cut between its branches (server/export/pdfTree.ts). */
  tree: {
    /**
     * Before the pieces: how the tree is cut; `trunk` is what each piece repeats (null: the
     * board has none), `unlinked` whether some pieces hold cards not linked to it.
     */
    intro: (parts: number, trunk: string | null, unlinked: boolean) => string
    /** What each piece repeats, by tree. */
    trunk: { problems: string; objectives: string }
    /** One line of the guide: a piece and the branches it holds (`note`: what it is apart). */
    part: (n: number, branches: string, note?: string) => string
    /** A piece of cards linked to no trunk: said in the guide and above it, by tree. */
    unlinked: { problems: string; objectives: string }
    /** Above a piece. */
    caption: (title: string, n: number, of: number) => string
    follows: (page: number) => string
    continues: (page: number) => string
    /** Beside the role of a repeated card, where it is first drawn and where it is again. */
    repeated: string
    continued: string
  }
  sections: {
    problems: string
    objectives: string
    strategy: string
    logframe: string
    register: string
    grid: string
    map: string
    coverage: string
  }
  coreProblem: string
  noCoreProblem: string
  empty: string
  strategy: {
    criteria: string
    candidates: string
    ranking: string
    chosen: string
    noChoice: string
    rank: string
    candidate: string
    overall: string
    scorers: string
    objectives: string
    unranked: string
    votes: string
    participant: string
    criterion: string
    score: string
  }
  logframe: {
    level: string
    levels: Record<LogframeLevel, string>
    text: string
    indicators: string
    sources: string
    assumptions: string
  }
  register: {
    name: string
    organisation: string
    category: string
    power: string
    interest: string
    stance: string
    contribution: string
  }
  grid: { table: string; quadrant: string; actors: string }
  coverage: {
    objective: string
    contributors: string
    count: string
    uncovered: string
    withoutObjective: string
    none: string
  }
  stances: Record<Stance, string>
  yes: string
  /** Dot votes whose results the facilitator revealed (shared/document/dotVotes.ts). */
  dotVotes: {
    title: (question: string) => string
    untitled: string
    vote: string
    canvas: string
    canvases: Record<'problems' | 'objectives' | 'stakeholders', string>
    rank: string
    card: string
    dots: string
    turnout: (voters: number, dots: number) => string
    none: string
  }
}

const it: DocumentLabels = {
  image: IMAGE_LABELS.it,
  documentKind: 'Documento del patto territoriale',
  date: 'Data',
  people: 'Hanno contribuito alla lavagna (carte, punteggi, voti)',
  noPeople: 'nessun nome registrato',
  phase: 'Fase raggiunta',
  phases: {
    problems: 'Problemi',
    objectives: 'Obiettivi e strategia',
    stakeholders: 'Stakeholder',
    pact: 'Patto',
  },
  contents: 'Indice',
  page: (n, of) => `Pagina ${n} di ${of}`,
  piece: (n, of) => `Parte ${n} di ${of} dell’immagine, da sinistra a destra e dall’alto in basso`,
  tree: {
    intro: (parts, trunk, unlinked) =>
      `L’albero è troppo grande per leggerlo su una pagina: è diviso in ${parts} parti, una per pagina nelle pagine che seguono, tagliate tra i rami.` +
      (trunk
        ? ` Ogni parte ripete ${trunk}${unlinked ? ', tranne quelle delle carte non collegate ad esso' : ''}.`
        : ''),
    trunk: { problems: 'il problema centrale', objectives: 'l’obiettivo centrale' },
    part: (n, branches, note) => `Parte ${n}${note ? ` (${note})` : ''}: ${branches}`,
    unlinked: {
      problems: 'carte non collegate al problema centrale',
      objectives: 'carte non collegate all’obiettivo centrale',
    },
    caption: (title, n, of) => `${title} — parte ${n} di ${of}`,
    follows: (page) => `segue da pagina ${page}`,
    continues: (page) => `continua a pagina ${page}`,
    repeated: 'segue',
    continued: 'continua',
  },
  sections: {
    problems: 'Albero dei problemi',
    objectives: 'Albero degli obiettivi',
    strategy: 'Analisi della strategia',
    logframe: 'Quadro logico',
    register: 'Registro degli stakeholder',
    grid: 'Griglia potere/interesse',
    map: 'Mappa delle relazioni',
    coverage: 'Matrice di copertura',
  },
  coreProblem: 'Problema centrale',
  noCoreProblem: 'Il problema centrale non è ancora stato scelto.',
  empty: 'Niente da riportare in questa sezione.',
  strategy: {
    criteria: 'Criteri',
    candidates: 'Strategie candidate',
    ranking: 'Classifica',
    chosen: 'Strategia scelta',
    noChoice: 'Il facilitatore non ha ancora scelto la strategia.',
    rank: 'Posizione',
    candidate: 'Strategia',
    overall: 'Media complessiva',
    scorers: 'Valutatori',
    objectives: 'Obiettivi del ramo',
    unranked: 'non valutata',
    votes: 'Voti',
    participant: 'Partecipante',
    criterion: 'Criterio',
    score: 'Voto',
  },
  logframe: {
    level: 'Livello',
    levels: {
      overall: 'Obiettivo generale',
      specific: 'Obiettivo specifico',
      result: 'Risultati attesi',
      activity: 'Attività',
    },
    text: 'Descrizione',
    indicators: 'Indicatori oggettivamente verificabili',
    sources: 'Fonti di verifica',
    assumptions: 'Ipotesi',
  },
  register: {
    name: 'Nome',
    organisation: 'Ente',
    category: 'Categoria',
    power: 'Potere',
    interest: 'Interesse',
    stance: 'Posizione (attuale → desiderata)',
    contribution: 'Contributo',
  },
  grid: {
    table: 'Attori per quadrante',
    quadrant: 'Strategia di coinvolgimento',
    actors: 'Attori',
  },
  coverage: {
    objective: 'Obiettivo',
    contributors: 'Attori che contribuiscono',
    count: 'N.',
    uncovered: 'Obiettivi senza nessun attore',
    withoutObjective: 'Attori senza obiettivo',
    none: 'nessuno',
  },
  stances: { supports: 'Sostiene', neutral: 'Neutrale', resists: 'Resiste' },
  yes: 'sì',
  dotVotes: {
    title: (question) => `Votazione a punti: «${question}»`,
    untitled: 'Votazione a punti',
    vote: 'Votazione',
    canvas: 'Su',
    canvases: { problems: 'Problemi', objectives: 'Obiettivi', stakeholders: 'Attori' },
    rank: 'Posizione',
    card: 'Carta',
    dots: 'Punti',
    turnout: (voters, dots) =>
      `${voters === 1 ? '1 persona ha' : `${voters} persone hanno`} votato, ${dots === 1 ? '1 punto' : `${dots} punti`} in tutto`,
    none: 'Nessun punto sulle carte ancora presenti.',
  },
}

const en: DocumentLabels = {
  image: IMAGE_LABELS.en,
  documentKind: 'Territorial pact document',
  date: 'Date',
  people: 'Contributed to the board (cards, scores, votes)',
  noPeople: 'no names recorded',
  phase: 'Phase reached',
  phases: {
    problems: 'Problems',
    objectives: 'Objectives and strategy',
    stakeholders: 'Stakeholders',
    pact: 'Pact',
  },
  contents: 'Contents',
  page: (n, of) => `Page ${n} of ${of}`,
  piece: (n, of) => `Part ${n} of ${of} of the picture, left to right and top to bottom`,
  tree: {
    intro: (parts, trunk, unlinked) =>
      `The tree is too large to read on one page: it is split into ${parts} parts, one per page on the pages that follow, cut between its branches.` +
      (trunk
        ? ` Each part repeats ${trunk}${unlinked ? ', except those of cards not linked to it' : ''}.`
        : ''),
    trunk: { problems: 'the core problem', objectives: 'the core objective' },
    part: (n, branches, note) => `Part ${n}${note ? ` (${note})` : ''}: ${branches}`,
    unlinked: {
      problems: 'cards not linked to the core problem',
      objectives: 'cards not linked to the core objective',
    },
    caption: (title, n, of) => `${title} — part ${n} of ${of}`,
    follows: (page) => `continued from page ${page}`,
    continues: (page) => `continues on page ${page}`,
    repeated: 'continued',
    continued: 'continues',
  },
  sections: {
    problems: 'Problem tree',
    objectives: 'Objective tree',
    strategy: 'Strategy analysis',
    logframe: 'Logical framework',
    register: 'Stakeholder register',
    grid: 'Power/interest grid',
    map: 'Relationship map',
    coverage: 'Coverage matrix',
  },
  coreProblem: 'Core problem',
  noCoreProblem: 'The core problem has not been chosen yet.',
  empty: 'Nothing to report in this section.',
  strategy: {
    criteria: 'Criteria',
    candidates: 'Candidate strategies',
    ranking: 'Ranking',
    chosen: 'Chosen strategy',
    noChoice: 'The facilitator has not chosen the strategy yet.',
    rank: 'Rank',
    candidate: 'Strategy',
    overall: 'Overall average',
    scorers: 'Scorers',
    objectives: 'Objectives of the branch',
    unranked: 'not scored',
    votes: 'Votes',
    participant: 'Participant',
    criterion: 'Criterion',
    score: 'Score',
  },
  logframe: {
    level: 'Level',
    levels: {
      overall: 'Overall objective',
      specific: 'Specific objective',
      result: 'Expected results',
      activity: 'Activities',
    },
    text: 'Description',
    indicators: 'Objectively verifiable indicators',
    sources: 'Sources of verification',
    assumptions: 'Assumptions',
  },
  register: {
    name: 'Name',
    organisation: 'Organisation',
    category: 'Category',
    power: 'Power',
    interest: 'Interest',
    stance: 'Stance (current → desired)',
    contribution: 'Contribution',
  },
  grid: { table: 'Actors by quadrant', quadrant: 'Engagement strategy', actors: 'Actors' },
  coverage: {
    objective: 'Objective',
    contributors: 'Contributing actors',
    count: 'No.',
    uncovered: 'Objectives with no actor',
    withoutObjective: 'Actors with no objective',
    none: 'none',
  },
  stances: { supports: 'Supports', neutral: 'Neutral', resists: 'Resists' },
  yes: 'yes',
  dotVotes: {
    title: (question) => `Dot vote: “${question}”`,
    untitled: 'Dot vote',
    vote: 'Vote',
    canvas: 'On',
    canvases: { problems: 'Problems', objectives: 'Objectives', stakeholders: 'Actors' },
    rank: 'Rank',
    card: 'Card',
    dots: 'Dots',
    turnout: (voters, dots) =>
      `${voters === 1 ? '1 person' : `${voters} people`} voted, ${dots === 1 ? '1 dot' : `${dots} dots`} in all`,
    none: 'No dots on the cards still on the board.',
  },
}

export const DOCUMENT_LABELS: Record<ImageLang, DocumentLabels> = { it, en }

/** A number as the language writes it: «3,5» in Italian, «3.5» in English; at most 2 decimals. */
export function decimal(value: number, lang: ImageLang, digits = 2): string {
  const fixed = String(Math.round(value * 10 ** digits) / 10 ** digits)
  return lang === 'it' ? fixed.replace('.', ',') : fixed
}

/** A period «01/01/2027 → 31/12/2027», «… → 31/12/2027»; empty when neither end is set. */
export function formatPeriod(
  from: string | null | undefined,
  to: string | null | undefined,
  lang: string,
): string {
  return from || to ? `${formatDay(from, lang) || '…'} → ${formatDay(to, lang) || '…'}` : ''
}

/**
 * A day (`YYYY-MM-DD`) as people read it in their language: `31/03/2027` (in English too, as
 * in Britain); what is not such a day, as written.
 */
export function formatDay(day: string | null | undefined, lang: string): string {
  if (!day) return ''
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day)
  if (!m) return day
  return new Date(Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!)).toLocaleDateString(
    lang.startsWith('en') ? 'en-GB' : 'it-IT',
    { timeZone: 'UTC', day: '2-digit', month: '2-digit', year: 'numeric' },
  )
}
