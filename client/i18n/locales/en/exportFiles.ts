/** The "Export" menu: the pact document and the tables (images are in board.exportMenu). */
export const exportFiles = {
  images: 'Images of the canvas',
  document: 'Document',
  pact: 'Pact document (PDF)',
  tables: 'Tables for Excel (CSV)',
  data: 'Data',
  json: 'The whole board (JSON)',
  preparing: 'Preparing “{{what}}”…',
  tableNames: {
    logframe: 'Logical framework',
    scores: 'Strategy scores and ranking',
    votes: 'Votes on the strategies',
    dots: 'Dot vote results',
    register: 'Stakeholder register',
    commitments: 'Pact commitments',
    indicators: 'Pact indicators',
  },
}
