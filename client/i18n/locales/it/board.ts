export const board = {
  projectorName: 'Proiettore',
  phasesLabel: 'Fasi del laboratorio',
  backHome: 'Torna alla home',
  more: { open: 'Altro', label: 'Altri comandi: stanza, lingua, esporta, cronologia' },
  flow: {
    nodeHelp:
      'Premi Invio o Spazio per selezionare una carta. Canc per eliminarla, Esc per annullare.',
    nodeHelpTree:
      'Invio per scrivere nella carta, Spazio per selezionarla, le frecce per passare alle carte vicine. Canc per eliminarla, Esc per annullare.',
    nodeHelpKeyboard:
      'Premi Invio o Spazio per selezionare una carta, poi le frecce per spostarla. Canc per eliminarla, Esc per annullare.',
    moved: 'Carta spostata {{direction}}. Nuova posizione: x {{x}}, y {{y}}',
    edgeHelp:
      'Premi Invio o Spazio per selezionare un legame, poi Canc per eliminarlo o Esc per annullare.',
    controls: 'Controlli della vista',
    zoomIn: 'Ingrandisci',
    zoomOut: 'Riduci',
    fitView: 'Mostra tutto',
    interactive: 'Blocca o sblocca',
    minimap: 'Minimappa',
    handle: 'Punto di collegamento',
    edge: 'Legame da «{{from}}» a «{{to}}»',
    nodeRole: 'carta',
    edgeRole: 'legame',
    cardName: '{{kind}}: «{{text}}»',
    credit: 'Realizzato con React Flow',
    directions: { up: 'in alto', down: 'in basso', left: 'a sinistra', right: 'a destra' },
  },
  exportMenu: {
    open: 'Esporta',
    label: 'Esporta un’immagine della tela',
    item: '{{canvas}} ({{format}})',
    failed: 'Esportazione non riuscita: riprova.',
    canvases: {
      problems: 'Albero dei problemi',
      objectives: 'Albero degli obiettivi',
      grid: 'Griglia potere/interesse',
      map: 'Mappa delle relazioni',
    },
  },
  phases: {
    problems: 'Problemi',
    objectives: 'Obiettivi',
    stakeholders: 'Stakeholder',
    pact: 'Patto',
  },
  roles: {
    facilitator: 'Facilitatore',
    participant: 'Partecipante',
    viewer: 'Proiettore (sola lettura)',
  },
  problemRoles: {
    core: 'Problema centrale',
    cause: 'Causa',
    effect: 'Effetto',
  },
  connection: {
    notSaved: 'Il server non riesce a salvare · modifiche non salvate, nuovo tentativo…',
    refused: 'Modifiche non accettate',
    refusedWaiting: 'Modifiche in attesa della riapertura',
    connecting: 'Connessione…',
    connected: 'Connesso · tutto salvato',
    connectedShort: 'Tutto salvato',
    /** The projector writes nothing: «tutto salvato» said nothing to the room. */
    connectedViewer: 'Connesso',
    sending: 'Invio delle modifiche…',
    reconnecting: 'Riconnessione… {{count}} modifiche da inviare',
    reconnecting_one: 'Riconnessione… 1 modifica da inviare',
    offline: 'Offline · {{count}} modifiche non ancora inviate',
    offline_one: 'Offline · 1 modifica non ancora inviata',
    offlineNone: 'Offline · le modifiche restano su questo computer',
    offlineViewer: 'Connessione persa · riconnessione in corso…',
  },
  toolbar: {
    label: 'Strumenti dell’albero dei problemi',
    addProblem: 'Aggiungi problema',
    addCause: 'Aggiungi causa',
    addEffect: 'Aggiungi effetto',
    /** The keys as an Italian keyboard names them (the toolbar's hint says «Maiusc» too). */
    addEffectKeys: 'Maiusc+Tab',
    undo: 'Annulla',
    redoKeys: 'Ctrl+Maiusc+Z',
    redo: 'Ripeti',
    delete: 'Elimina',
    role: 'Ruolo della carta',
    hintEmpty:
      'Doppio clic sulla lavagna per aggiungere un problema. Trascina dal pallino in alto di una causa al pallino in basso del suo effetto per collegarli.',
    hintEmptyPhone:
      'Tocca «+ Aggiungi problema» per scrivere il primo. Per collegare due carte: «Collega a…», tra gli «Altri strumenti».',
    hintEmptyWatch:
      'Nessun problema ancora: le carte compaiono qui man mano che il gruppo le scrive.',
    more: 'Altri strumenti',
    moreLabel:
      'Altri strumenti della carta scelta e dell’albero: causa, effetto, ruolo, collega, raggruppa, elimina, disponi',
  },
  card: {
    placeholder: 'Scrivi il problema come stato negativo…',
    edit: 'Modifica testo',
    editingBy: '{{name}} sta scrivendo',
    editingByTwo: '{{name}} e {{other}} stanno scrivendo',
    editingByMore: '{{name}} e altri {{count}} stanno scrivendo',
    empty: '(vuota)',
  },
  presence: {
    you: 'Tu',
    others: '{{count}} persone sulla lavagna',
    others_zero: 'Nessun altro sulla lavagna',
    others_one: '1 persona sulla lavagna',
    /** On the projector: how many are on the board, read from the back of the room. */
    here: '{{count}} persone',
    here_one: '1 persona',
  },
  name: {
    title: 'Come ti chiami?',
    body: 'Il nome appare agli altri accanto al tuo cursore e alle carte che stai scrivendo.',
    label: 'Nome',
    placeholder: 'es. Giulia — Comune di Bergamo',
    submit: 'Entra nella lavagna',
    invalid: 'Scrivi un nome (al massimo 40 caratteri).',
  },
  addMenu: {
    core: 'Problema centrale',
    causeOf: 'Causa di «{{card}}»',
    effectOf: 'Effetto di «{{card}}»',
    free: 'Carta da collegare dopo',
  },
  linkMenu: {
    open: 'Collega a',
    kind: '«{{card}}» è…',
    causeOf: 'causa di',
    effectOf: 'effetto di',
    filter: 'Cerca una carta',
    none: 'Nessuna carta trovata',
    untitled: '(vuota)',
  },
  tree: {
    unlinked_one:
      '1 carta non è collegata all’albero: selezionala e usa «Collega a…» (o trascina dal suo pallino).',
    unlinked_other:
      '{{count}} carte non sono collegate all’albero: selezionane una e usa «Collega a…» (o trascina dal suo pallino).',
    detached_one:
      '«{{card}}» non arriva al problema centrale: selezionala e collegala all’albero con «Collega a…».',
    detached_other:
      '{{count}} carte collegate fra loro non arrivano al problema centrale: seleziona «{{card}}» e collegala all’albero con «Collega a…».',
    noCore:
      'Manca il problema centrale: scegli la carta che riassume il problema e imposta il ruolo «Problema centrale».',
    manyCores: 'Ci sono {{count}} problemi centrali: l’albero ne ha uno solo. Scegli quale tenere.',
    cycle:
      'Ciclo nei collegamenti: una causa non può essere effetto di se stessa ({{count}} collegamenti evidenziati).',
    reversed:
      '{{count}} collegamenti vanno da un effetto verso una causa: probabilmente sono al contrario.',
    layout: 'Disponi albero',
    group: 'Raggruppa in un ramo',
    keys: 'Tastiera: N nuova carta · Tab causa · Maiusc+Tab effetto · Invio modifica · frecce per muoversi · L disponi · Canc elimina · T strumenti',
    // laying the tree out is the facilitator's: the others are not told of a key that does nothing
    keysParticipant:
      'Tastiera: N nuova carta · Tab causa · Maiusc+Tab effetto · Invio modifica · frecce per muoversi · Canc elimina · T strumenti',
  },
  inspector: {
    title: 'Dettagli della carta',
    text: 'Testo',
    role: 'Ruolo',
    note: 'Nota o evidenza',
    notePlaceholder: 'Dati, fonti, esempi che lo confermano…',
    tags: 'Gruppi destinatari',
    addTag: 'Nuovo gruppo',
    addTagPlaceholder: 'es. Donne over 50',
    add: 'Aggiungi',
    cluster: 'Ramo',
    noCluster: 'Nessun ramo',
    newCluster: 'Nuovo ramo…',
    clusterName: 'Nome del ramo',
    author: 'Scritta da {{name}}',
    close: 'Chiudi dettagli',
  },
  targetGroups: {
    neet: 'NEET',
    'long-term-unemployed': 'Disoccupati di lunga durata',
    migrants: 'Migranti',
    disabilities: 'Persone con disabilità',
    'care-leavers': 'In uscita da percorsi di presa in carico',
  },
  clusterDefaultName: 'Ramo {{n}}',
  readOnly: 'Sola lettura',
  textCut: {
    text: 'Il testo incollato era più lungo di quanto il campo contiene: ne sono stati tenuti i primi {{limit}} caratteri.',
    close: 'Chiudi',
  },
  givenUp: {
    text: 'Modifica annullata con Esc.',
    restore: 'Ripristina',
    close: 'Chiudi',
  },
  viewNotLoaded: {
    offline:
      'Questa parte della lavagna non si è potuta caricare: manca la rete. Il lavoro fatto resta su questo computer e parte da solo quando la rete torna; le altre parti funzionano.',
    online:
      'Questa parte della lavagna non si è potuta caricare. Il lavoro fatto non va perso: ricarica la pagina.',
    reload: 'Ricarica la pagina',
  },
  undoKept: {
    byOne_one: 'Resta sulla lavagna: {{names}} ci ha lavorato dopo di te.',
    byOne_other: 'Restano sulla lavagna: {{names}} ci ha lavorato dopo di te.',
    byMany_one: 'Resta sulla lavagna: {{names}} ci hanno lavorato dopo di te.',
    byMany_other: 'Restano sulla lavagna: {{names}} ci hanno lavorato dopo di te.',
    someone_one: 'Resta sulla lavagna: un’altra persona ci ha lavorato dopo di te.',
    someone_other: 'Restano sulla lavagna: altre persone ci hanno lavorato dopo di te.',
    close: 'Chiudi',
  },
  lostEdit: {
    title: 'Quello che stavi scrivendo è stato eliminato',
    body: 'Un’altra persona l’ha eliminato mentre scrivevi. Il tuo testo è qui: puoi continuare a scriverlo e ripristinarlo con il tuo testo (torna con i suoi collegamenti).',
    bodyAway:
      'Un’altra persona l’ha eliminato mentre eri senza connessione, prima che le tue parole arrivassero agli altri. Il tuo testo è qui: puoi continuare a scriverlo e ripristinarlo con il tuo testo (torna con i suoi collegamenti).',
    titleReplaced: 'Il testo che stavi scrivendo è stato sostituito',
    restoredByReplaced:
      '{{name}} ha ripristinato una versione precedente della lavagna mentre scrivevi: il testo è tornato com’era allora. Il tuo testo è qui: puoi continuare a scriverlo e rimetterlo al posto di quello della versione.',
    restoredReplaced:
      'È stata ripristinata una versione precedente della lavagna mentre scrivevi: il testo è tornato com’era allora. Il tuo testo è qui: puoi continuare a scriverlo e rimetterlo al posto di quello della versione.',
    restoredByDeleted:
      '{{name}} ha ripristinato una versione precedente della lavagna, in cui questa voce non c’era. Il tuo testo è qui: puoi continuare a scriverlo e ripristinarlo con il tuo testo (torna con i suoi collegamenti).',
    restoredDeleted:
      'È stata ripristinata una versione precedente della lavagna, in cui questa voce non c’era. Il tuo testo è qui: puoi continuare a scriverlo e ripristinarlo con il tuo testo (torna con i suoi collegamenti).',
    putBack: 'Rimetti il mio testo',
    backTitle: 'Il tuo testo è di nuovo sulla lavagna',
    back: 'È tornato com’era quando l’hai lasciato (un altro ripristino, o qualcuno l’ha rimesso): non c’è nulla da rimettere.',
    changedSince: 'Dopo il ripristino qualcuno ha scritto in questo testo. Ora dice:',
    changedSinceLoss:
      'Se rimetti il tuo testo, queste parole spariscono: copia prima quello che vuoi tenere.',
    putBackAnyway: 'Rimetti comunque il mio testo',
    putBackFailed:
      'Non è stato possibile rimettere il tuo testo: forse è stato eliminato nel frattempo, o la sua fase è bloccata. Copialo prima di chiudere.',
    yourText: 'Il tuo testo',
    restore: 'Ripristina con il mio testo',
    restoring: 'Ripristino…',
    close: 'Chiudi',
    notInBin:
      'Non si trova più nel cestino: forse qualcuno l’ha già ripristinato. Copia il tuo testo prima di chiudere.',
    cannot:
      'Non si può ripristinare ora: forse è già tornato sulla lavagna, la sua fase è bloccata o la lavagna è in pausa. Copia il tuo testo prima di chiudere.',
    failed:
      'Il ripristino non è riuscito. Copia il tuo testo prima di chiudere e riprova dalla Cronologia.',
  },
  errors: {
    invalidLink: {
      title: 'Link non valido',
      body: 'Il link della lavagna è incompleto o alterato. Chiedi al facilitatore un nuovo link.',
    },
    MISSING_KEY: 'Il link non contiene la chiave della lavagna.',
    WRONG_KEY: 'La chiave del link non apre questa lavagna. Chiedi al facilitatore un nuovo link.',
    BOARD_NOT_FOUND: 'Questa lavagna non esiste (o è stata rimossa dal server).',
    network: 'Impossibile raggiungere il server. Controlla la connessione e riprova.',
    schemaTooNew:
      'Questa lavagna è stata aggiornata da una versione più recente di Trama. Ricarica la pagina per continuare a modificarla.',
    rejected:
      'La connessione è stata rifiutata dal server. Ricarica la pagina; se si ripete, esporta il lavoro e avvisa chi gestisce Trama.',
    reload: 'Ricarica',
    generic: 'Si è verificato un errore: {{message}}',
  },
}
