/** The Stakeholder phase: actors, power/interest grid, relationship map, register. */
export function StakeholdersPhase() {
  return <section className="coming-next">Stakeholder</section>
}
