/** The Obiettivi phase: objective tree, strategy analysis and logframe. */
export function ObjectivesPhase() {
  return <section className="coming-next">Obiettivi</section>
}
