/**
 * A board whose every table has something awkward in it, for the document and spreadsheet tests:
 * accents, markup, separators, quotes, line breaks, cells that look like formulas, and a
 * logframe long enough to run over several pages.
 */
import { boardExportSchema, type BoardExport } from '../../shared/export/format.ts'
import { SCHEMA_VERSION } from '../../shared/schema/version.ts'
import { DEFAULT_CRITERIA } from '../../shared/schema/vocabulary.ts'

export const CORE = 'Troppi giovani NEET in Val Seriana: più di uno su cinque'
export const MARKUP = '<img src=x onerror=alert(1)> ]]><script>alert(1)</script>'
export const TRICKY = 'Comune; «Ufficio "Lavoro"»\nseconda riga — città'
export const FORMULA = '=HYPERLINK("http://x";"clic")'
export const ACTOR = 'Cooperativa sociale Fraternità'

export function pactBoard(logframeRows = 40): BoardExport {
  const criteria = DEFAULT_CRITERIA.slice(0, 3).map((c, i) => ({ ...c, order: i }))
  const people = ['Niccolò', 'Zoë', 'Aurora']
  return boardExportSchema.parse({
    format: 'trama.board',
    schemaVersion: SCHEMA_VERSION,
    title: 'Patto Val Seriana 2027 — «città» più inclusiva',
    exportedAt: '2026-12-02T09:30:00.000Z',
    createdAt: '2026-12-01T08:00:00.000Z',
    phase: 'stakeholders',
    chosenStrategy: 'cand-a',
    canvases: {
      problems: {
        nodes: [
          { id: 'core', kind: 'problem', role: 'core', label: CORE, x: 0, y: 0, author: 'Zoë' },
          { id: 'c1', kind: 'problem', role: 'cause', label: MARKUP, x: -150, y: 200 },
          {
            id: 'e1',
            kind: 'problem',
            role: 'effect',
            label: 'Emigrazione dei giovani',
            x: 0,
            y: -200,
            author: 'Niccolò',
          },
        ],
        edges: [
          { id: 'l1', kind: 'cause-effect', source: 'c1', target: 'core' },
          { id: 'l2', kind: 'cause-effect', source: 'core', target: 'e1' },
        ],
      },
      objectives: {
        nodes: [
          {
            id: 'o-core',
            kind: 'objective',
            label: 'Più giovani trovano un lavoro stabile',
            derivedFrom: 'core',
            status: 'reworded',
            x: 0,
            y: 0,
          },
          {
            id: 'o-c1',
            kind: 'objective',
            label: 'Orientamento scolastico efficace',
            derivedFrom: 'c1',
            status: 'reworded',
            x: -150,
            y: 200,
          },
        ],
        edges: [{ id: 'ol1', kind: 'means-end', source: 'o-c1', target: 'o-core' }],
      },
      stakeholders: {
        nodes: [
          {
            id: 'a1',
            kind: 'actor',
            label: ACTOR,
            x: 0,
            y: 0,
            category: 'third-sector',
            power: 0.8,
            interest: 0.9,
            stance: 'neutral',
            desiredStance: 'supports',
            organisation: TRICKY,
            contribution: FORMULA,
            objectives: ['o-core'],
          },
          {
            id: 'a2',
            kind: 'actor',
            label: 'Comune di Albino',
            x: 300,
            y: 0,
            category: 'public',
            power: 0.3,
            interest: 0.2,
            stance: 'supports',
            desiredStance: 'supports',
          },
        ],
        edges: [{ id: 'r1', kind: 'funding', source: 'a2', target: 'a1' }],
      },
    },
    clusters: [],
    targetGroups: [],
    strategy: {
      candidates: [
        { id: 'cand-a', label: 'Strategia «scuola–lavoro»', objectives: ['o-core', 'o-c1'] },
        { id: 'cand-b', label: 'Strategia; con "virgolette"', objectives: ['o-c1'] },
      ],
      criteria,
      scores: ['cand-a', 'cand-b'].flatMap((candidate, c) =>
        criteria.flatMap((criterion) =>
          people.map((name, p) => ({
            id: `${candidate}|${criterion.id}|p${p}`,
            candidate,
            criterion: criterion.id,
            participant: `p${p}`,
            participantName: name,
            score: c === 0 ? 4 + (p % 2) : 2 + (p % 2),
          })),
        ),
      ),
    },
    pact: {
      info: [
        {
          id: 'pact',
          vision:
            'Nessun giovane della valle resta senza un percorso: scuola, lavoro o formazione.',
          territory: 'Val Seriana e Val di Scalve',
          horizonFrom: 2027,
          horizonTo: 2029,
        },
      ],
      bodies: [
        {
          id: 'b1',
          label: 'Cabina di regia',
          mandate: 'Indirizzo politico del patto',
          level: 'political',
          members: ['a1', 'a2'],
          lead: 'a2',
          decision: 'consensus',
          frequency: 'quarterly',
          order: 0,
        },
      ],
      rules: [
        { id: 'r1', text: 'Ogni decisione è messa a verbale entro una settimana.', order: 0 },
      ],
      commitments: [
        {
          id: 'k1',
          actor: 'a1',
          type: 'staff-hours',
          what: 'Educatori per l’orientamento',
          amount: 120.5,
          unit: 'ore',
          from: '2027-01-01',
          to: '2027-12-31',
          objective: 'o-core',
          activity: null,
          status: 'confirmed',
          order: 0,
        },
      ],
      adhesions: [{ id: 'a1', actor: 'a1', adheres: true, date: '2026-12-02', signedBy: 'Zoë' }],
      indicators: [
        {
          id: 'i1',
          label: 'Giovani NEET presi in carico',
          unit: 'persone',
          direction: 'increase',
          baseline: 40,
          baselineDate: '2026-12-01',
          target: 120,
          targetDate: '2028-12-01',
          source: 'Registri dei servizi',
          frequency: 'half-yearly',
          responsible: 'a2',
          objective: 'o-core',
          activity: null,
          order: 0,
        },
      ],
      rounds: [
        { id: 'm1', label: 'Primo monitoraggio', date: '2027-06-01', feedback: 'Partenza lenta.' },
      ],
      measurements: [{ id: 'm1|i1', round: 'm1', indicator: 'i1', value: 52 }],
      adaptations: [
        {
          id: 'ad1',
          round: 'm1',
          what: 'Più ore di orientamento nelle scuole',
          who: 'a1',
          due: '2027-09-01',
          done: false,
        },
      ],
    },
    votes: { votes: [], dots: [] },
    logframe: Array.from({ length: logframeRows }, (_, i) => ({
      id: `lf-${String(i).padStart(3, '0')}`,
      level: i === 0 ? 'overall' : i === 1 ? 'specific' : i < 6 ? 'result' : 'activity',
      objective: null,
      text: i === 0 ? TRICKY : `Attività numero ${i}: laboratori di orientamento nelle scuole`,
      indicators: `Numero di percorsi avviati (riga ${i}); tasso di occupazione a 12 mesi`,
      sources: 'Registri dei servizi; banca dati del centro per l’impiego',
      assumptions: i === 2 ? FORMULA : 'Le imprese della valle aderiscono al patto',
      order: i,
    })),
  })
}
