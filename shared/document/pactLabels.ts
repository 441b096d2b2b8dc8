import type {
  AdaptationTarget,
  BodyLevel,
  CommitmentStatus,
  CommitmentType,
  DecisionRule,
  Frequency,
  IndicatorDirection,
} from '../schema/vocabulary.ts'
import type { ImageLang } from '../render/labels.ts'

/** The words of the pact's sections of the document and of its spreadsheets. */
export interface PactLabels {
  sections: {
    vision: string
    governance: string
    commitments: string
    indicators: string
    monitoring: string
  }
  territory: string
  horizon: string
  noVision: string
  bodies: string
  rules: string
  adhesions: string
  body: {
    label: string
    level: string
    mandate: string
    members: string
    decision: string
    frequency: string
  }
  commitment: {
    actor: string
    type: string
    what: string
    amount: string
    period: string
    status: string
  }
  /** The ledger's spreadsheet: one column each (the amount and its unit apart, to be summed). */
  ledgerColumns: { unit: string; from: string; to: string; for: string }
  /** Before the names of what a commitment or an indicator is for. */
  links: { objective: string; row: string }
  adhesion: { actor: string; adheres: string; date: string; signedBy: string }
  /** The commitments summed per resource, as the ledger's totals (broken ones left out). */
  totals: { title: string; type: string; total: string; count: string; unquantified: string }
  indicator: {
    label: string
    unit: string
    direction: string
    baseline: string
    baselineDate: string
    target: string
    targetDate: string
    source: string
    frequency: string
    responsible: string
    linkedTo: string
  }
  round: { round: string; date: string; indicator: string; value: string; feedback: string }
  adaptation: { what: string; who: string; due: string; target: string; done: string }
  adaptations: string
  levels: Record<BodyLevel, string>
  decisions: Record<DecisionRule, string>
  frequencies: Record<Frequency, string>
  /** A body's decision rule or meeting frequency not chosen yet (the governance page's words). */
  undecided: string
  /** Under the bodies' table: what the ★ beside a member means. */
  leadNote: string
  types: Record<CommitmentType, string>
  statuses: Record<CommitmentStatus, string>
  directions: Record<IndicatorDirection, string>
  targets: Record<AdaptationTarget, string>
  /** An adaptation's item deleted since, or one without a name (as the monitoring page says). */
  removed: string
  unnamed: string
  /** A governance member whose actor has no name (the governance page's words). */
  unnamedActor: string
  yes: string
  no: string
}

const it: PactLabels = {
  sections: {
    vision: 'Visione comune',
    governance: 'Governance',
    commitments: 'Impegni reciproci',
    indicators: 'Indicatori condivisi',
    monitoring: 'Monitoraggio e apprendimento',
  },
  territory: 'Territorio',
  horizon: 'Orizzonte',
  noVision: 'La visione comune non è ancora stata scritta.',
  bodies: 'Organi di governo',
  rules: 'Regole di funzionamento',
  adhesions: 'Adesioni al patto',
  body: {
    label: 'Organo',
    level: 'Livello',
    mandate: 'Mandato',
    members: 'Componenti',
    decision: 'Come decide',
    frequency: 'Si riunisce',
  },
  commitment: {
    actor: 'Attore',
    type: 'Risorsa',
    what: 'Che cosa',
    amount: 'Quantità',
    period: 'Periodo',
    status: 'Stato',
  },
  ledgerColumns: { unit: 'Unità', from: 'Dal', to: 'Al', for: 'Per' },
  links: { objective: 'Obiettivo', row: 'Quadro logico' },
  adhesion: { actor: 'Attore', adheres: 'Aderisce', date: 'Data', signedBy: 'Firmato da' },
  totals: {
    title: 'Totali per risorsa',
    type: 'Risorsa',
    total: 'Totale',
    count: 'Impegni',
    unquantified: 'senza quantità',
  },
  indicator: {
    label: 'Indicatore',
    unit: 'Unità',
    direction: 'Direzione',
    baseline: 'Valore di partenza',
    baselineDate: 'Data di partenza',
    target: 'Traguardo',
    targetDate: 'Data del traguardo',
    source: 'Fonte',
    frequency: 'Frequenza',
    responsible: 'Responsabile',
    linkedTo: 'Collegato a',
  },
  round: {
    round: 'Monitoraggio',
    date: 'Data',
    indicator: 'Indicatore',
    value: 'Valore',
    feedback: 'Riscontri',
  },
  adaptation: {
    what: 'Adattamento',
    who: 'Chi',
    due: 'Entro',
    target: 'Riguarda',
    done: 'Fatto',
  },
  adaptations: 'Adattamenti decisi',
  levels: {
    political: 'Politico',
    strategic: 'Strategico',
    technical: 'Tecnico',
    operational: 'Operativo',
  },
  decisions: {
    consensus: 'Consenso',
    majority: 'Maggioranza',
    'qualified-majority': 'Maggioranza qualificata',
    lead: 'Decide il capofila',
  },
  undecided: 'Da decidere',
  leadNote: '★ il capofila dell’organo.',
  frequencies: {
    weekly: 'Settimanale',
    monthly: 'Mensile',
    quarterly: 'Trimestrale',
    'half-yearly': 'Semestrale',
    yearly: 'Annuale',
    'as-needed': 'Al bisogno',
  },
  types: {
    'staff-hours': 'Ore di personale',
    money: 'Risorse economiche',
    spaces: 'Spazi',
    services: 'Servizi',
    skills: 'Competenze',
    'data-tools': 'Dati e strumenti',
  },
  statuses: {
    proposed: 'Proposto',
    confirmed: 'Confermato',
    ongoing: 'In corso',
    kept: 'Rispettato',
    broken: 'Non rispettato',
  },
  directions: { increase: 'Da aumentare', decrease: 'Da ridurre' },
  targets: {
    indicator: 'Indicatori',
    commitment: 'Impegni',
    body: 'Organi di governo',
    objective: 'Obiettivi',
    activity: 'Righe del quadro logico',
  },
  removed: '(elemento eliminato)',
  unnamed: 'senza nome',
  unnamedActor: 'Attore senza nome',
  yes: 'sì',
  no: 'no',
}

const en: PactLabels = {
  sections: {
    vision: 'Common vision',
    governance: 'Governance',
    commitments: 'Mutual commitments',
    indicators: 'Shared indicators',
    monitoring: 'Monitoring and learning',
  },
  territory: 'Territory',
  horizon: 'Horizon',
  noVision: 'The common vision has not been written yet.',
  bodies: 'Governing bodies',
  rules: 'Rules',
  adhesions: 'Adhesions to the pact',
  body: {
    label: 'Body',
    level: 'Level',
    mandate: 'Mandate',
    members: 'Members',
    decision: 'Decides by',
    frequency: 'Meets',
  },
  commitment: {
    actor: 'Actor',
    type: 'Resource',
    what: 'What',
    amount: 'Amount',
    period: 'Period',
    status: 'Status',
  },
  ledgerColumns: { unit: 'Unit', from: 'From', to: 'To', for: 'For' },
  links: { objective: 'Objective', row: 'Logframe' },
  adhesion: { actor: 'Actor', adheres: 'Adheres', date: 'Date', signedBy: 'Signed by' },
  totals: {
    title: 'Totals per resource',
    type: 'Resource',
    total: 'Total',
    count: 'Commitments',
    unquantified: 'without amount',
  },
  indicator: {
    label: 'Indicator',
    unit: 'Unit',
    direction: 'Direction',
    baseline: 'Baseline',
    baselineDate: 'Baseline date',
    target: 'Target',
    targetDate: 'Target date',
    source: 'Source',
    frequency: 'Frequency',
    responsible: 'Responsible',
    linkedTo: 'Linked to',
  },
  round: {
    round: 'Round',
    date: 'Date',
    indicator: 'Indicator',
    value: 'Value',
    feedback: 'Feedback',
  },
  adaptation: { what: 'Adaptation', who: 'Who', due: 'By', target: 'Concerns', done: 'Done' },
  adaptations: 'Adaptations decided',
  levels: {
    political: 'Political',
    strategic: 'Strategic',
    technical: 'Technical',
    operational: 'Operational',
  },
  decisions: {
    consensus: 'Consensus',
    majority: 'Majority',
    'qualified-majority': 'Qualified majority',
    lead: 'The lead decides',
  },
  undecided: 'To be decided',
  leadNote: '★ the body’s lead.',
  frequencies: {
    weekly: 'Weekly',
    monthly: 'Monthly',
    quarterly: 'Quarterly',
    'half-yearly': 'Half-yearly',
    yearly: 'Yearly',
    'as-needed': 'As needed',
  },
  types: {
    'staff-hours': 'Staff hours',
    money: 'Money',
    spaces: 'Premises',
    services: 'Services',
    skills: 'Skills',
    'data-tools': 'Data and tools',
  },
  statuses: {
    proposed: 'Proposed',
    confirmed: 'Confirmed',
    ongoing: 'Ongoing',
    kept: 'Kept',
    broken: 'Broken',
  },
  directions: { increase: 'To increase', decrease: 'To decrease' },
  targets: {
    indicator: 'Indicators',
    commitment: 'Commitments',
    body: 'Governing bodies',
    objective: 'Objectives',
    activity: 'Logframe rows',
  },
  removed: '(deleted item)',
  unnamed: 'unnamed',
  unnamedActor: 'Unnamed actor',
  yes: 'yes',
  no: 'no',
}

export const PACT_LABELS: Record<ImageLang, PactLabels> = { it, en }
