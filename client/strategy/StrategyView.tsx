/** Strategy analysis: candidate branches scored by every participant. */
export function StrategyView() {
  return <section className="coming-next">Strategia</section>
}
