import type { BoardExport } from '../../shared/export/format.ts'
import { pactBlocks, type PactBlock } from '../../shared/document/pactBlocks.ts'
import type { ImageLang } from '../../shared/render/labels.ts'

function Block({ block }: { block: PactBlock }) {
  if (block.kind === 'field')
    return (
      <p className="version-pact-field">
        <strong>{block.label}:</strong> {block.value}
      </p>
    )
  if (block.kind === 'heading') return <h4>{block.text}</h4>
  if (block.kind === 'text')
    return <p className={block.style ? `version-pact-${block.style}` : undefined}>{block.text}</p>
  return (
    <table className="version-pact-table">
      <thead>
        <tr>
          {block.table.columns.map((c, i) => (
            <th key={i} scope="col">
              {c}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {block.table.rows.map((row, r) => (
          <tr key={r}>
            {row.map((cell, i) => (
              <td key={i}>{cell}</td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  )
}

/**
 * The pact of a stored version, read-only: its sections as the pact document prints them
 * (shared/document/pactBlocks.ts), so what is restored can be read before.
 */
export function VersionPact({ board, lang }: { board: BoardExport; lang: ImageLang }) {
  return (
    <div className="version-pact" data-testid="version-pact">
      {pactBlocks(board, lang).map((section) => (
        <section key={section.id} data-section={section.id}>
          <h3>{section.title}</h3>
          {section.blocks.map((block, i) => (
            <Block key={i} block={block} />
          ))}
        </section>
      ))}
    </div>
  )
}
