/** The logframe of the chosen strategy. */
export function LogframeView() {
  return <section className="coming-next">Logframe</section>
}
