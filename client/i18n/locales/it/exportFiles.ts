/** Il menu «Esporta»: documento del patto e tabelle (le immagini sono in board.exportMenu). */
export const exportFiles = {
  images: 'Immagini della tela',
  document: 'Documento',
  pact: 'Documento del patto (PDF)',
  tables: 'Tabelle per Excel (CSV)',
  data: 'Dati',
  json: 'Tutta la lavagna (JSON)',
  preparing: 'Preparazione di «{{what}}»…',
  tableNames: {
    logframe: 'Quadro logico',
    scores: 'Punteggi e classifica delle strategie',
    votes: 'Voti sulle strategie',
    dots: 'Risultati delle votazioni a punti',
    register: 'Registro degli stakeholder',
    commitments: 'Impegni del patto',
    indicators: 'Indicatori del patto',
  },
}
