export const pact = {
  notYet: 'Qui non c’è ancora niente.',
  views: {
    label: 'Viste del patto',
    vision: 'Visione',
    governance: 'Governance',
    commitments: 'Impegni',
    indicators: 'Indicatori',
    monitoring: 'Monitoraggio',
    health: 'Salute del patto',
  },
}
