export const pact = {
  notYet: 'Nothing here yet.',
  views: {
    label: 'Pact views',
    vision: 'Vision',
    governance: 'Governance',
    commitments: 'Commitments',
    indicators: 'Indicators',
    monitoring: 'Monitoring',
    health: 'Pact health',
  },
}
