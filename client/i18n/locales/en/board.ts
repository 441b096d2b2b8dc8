export const board = {
  projectorName: 'Projector',
  phasesLabel: 'Workshop phases',
  backHome: 'Back to home',
  more: { open: 'More', label: 'More controls: room, language, export, history' },
  flow: {
    nodeHelp: 'Press Enter or Space to select a card. Delete removes it, Escape cancels.',
    nodeHelpTree:
      'Enter writes in the card, Space selects it, the arrow keys go to the next cards. Delete removes it, Escape cancels.',
    nodeHelpKeyboard:
      'Press Enter or Space to select a card, then the arrow keys to move it. Delete removes it, Escape cancels.',
    moved: 'Card moved {{direction}}. New position: x {{x}}, y {{y}}',
    edgeHelp:
      'Press Enter or Space to select a link, then Delete to remove it or Escape to cancel.',
    controls: 'View controls',
    zoomIn: 'Zoom in',
    zoomOut: 'Zoom out',
    fitView: 'Show everything',
    interactive: 'Lock or unlock',
    minimap: 'Mini map',
    handle: 'Connection point',
    edge: 'Link from “{{from}}” to “{{to}}”',
    nodeRole: 'card',
    edgeRole: 'link',
    cardName: '{{kind}}: “{{text}}”',
    credit: 'Made with React Flow',
    directions: { up: 'up', down: 'down', left: 'left', right: 'right' },
  },
  exportMenu: {
    open: 'Export',
    label: 'Export an image of the canvas',
    item: '{{canvas}} ({{format}})',
    failed: 'Export failed: try again.',
    canvases: {
      problems: 'Problem tree',
      objectives: 'Objective tree',
      grid: 'Power/interest grid',
      map: 'Relationship map',
    },
  },
  phases: {
    problems: 'Problems',
    objectives: 'Objectives',
    stakeholders: 'Stakeholders',
    pact: 'Pact',
  },
  roles: {
    facilitator: 'Facilitator',
    participant: 'Participant',
    viewer: 'Projector (read-only)',
  },
  problemRoles: {
    core: 'Core problem',
    cause: 'Cause',
    effect: 'Effect',
  },
  connection: {
    notSaved: 'The server cannot save · changes not saved, retrying…',
    refused: 'Changes not accepted',
    refusedWaiting: 'Changes waiting for the board to reopen',
    connecting: 'Connecting…',
    connected: 'Connected · all saved',
    connectedShort: 'All saved',
    connectedViewer: 'Connected',
    sending: 'Sending changes…',
    reconnecting: 'Reconnecting… {{count}} changes to send',
    reconnecting_one: 'Reconnecting… 1 change to send',
    offline: 'Offline · {{count}} changes not sent yet',
    offline_one: 'Offline · 1 change not sent yet',
    offlineNone: 'Offline · changes stay on this computer',
    offlineViewer: 'Connection lost · reconnecting…',
  },
  toolbar: {
    label: 'Problem tree tools',
    addProblem: 'Add problem',
    addCause: 'Add cause',
    addEffect: 'Add effect',
    addEffectKeys: 'Shift+Tab',
    undo: 'Undo',
    redoKeys: 'Ctrl+Shift+Z',
    redo: 'Redo',
    delete: 'Delete',
    role: 'Card role',
    hintEmpty:
      'Double-click the board to add a problem. Drag from the top dot of a cause to the bottom dot of its effect to link them.',
    hintEmptyPhone:
      'Tap «+ Add problem» to write the first one. To link two cards: «Link to…», under «More tools».',
    hintEmptyWatch: 'No problems yet: the cards appear here as the group writes them.',
    more: 'More tools',
    moreLabel:
      'More tools for the chosen card and the tree: cause, effect, role, link, group, delete, lay out',
  },
  card: {
    placeholder: 'Write the problem as a negative state…',
    edit: 'Edit text',
    editingBy: '{{name}} is writing',
    editingByTwo: '{{name}} and {{other}} are writing',
    editingByMore: '{{name}} and {{count}} others are writing',
    empty: '(empty)',
  },
  presence: {
    you: 'You',
    others: '{{count}} people on the board',
    others_zero: 'Nobody else on the board',
    others_one: '1 person on the board',
    here: '{{count}} people',
    here_one: '1 person',
  },
  name: {
    title: 'What is your name?',
    body: 'Others see your name next to your cursor and the cards you are writing.',
    label: 'Name',
    placeholder: 'e.g. Giulia — City of Bergamo',
    submit: 'Join the board',
    invalid: 'Type a name (40 characters at most).',
  },
  addMenu: {
    core: 'Core problem',
    causeOf: 'Cause of “{{card}}”',
    effectOf: 'Effect of “{{card}}”',
    free: 'Card to link later',
  },
  linkMenu: {
    open: 'Link to',
    kind: '“{{card}}” is…',
    causeOf: 'a cause of',
    effectOf: 'an effect of',
    filter: 'Search a card',
    none: 'No card found',
    untitled: '(empty)',
  },
  tree: {
    unlinked_one:
      '1 card is not linked to the tree: select it and use “Link to…” (or drag from its dot).',
    unlinked_other:
      '{{count}} cards are not linked to the tree: select one and use “Link to…” (or drag from its dot).',
    detached_one:
      '“{{card}}” does not reach the core problem: select it and link it to the tree with “Link to…”.',
    detached_other:
      '{{count}} cards linked among themselves do not reach the core problem: select “{{card}}” and link it to the tree with “Link to…”.',
    noCore:
      'No core problem yet: pick the card that sums up the problem and set its role to “Core problem”.',
    manyCores: 'There are {{count}} core problems: the tree has only one. Choose which to keep.',
    cycle: 'Cycle in the links: a cause cannot be its own effect ({{count}} links highlighted).',
    reversed: '{{count}} links run from an effect to a cause: they are probably reversed.',
    layout: 'Lay out tree',
    group: 'Group into a branch',
    keys: 'Keyboard: N new card · Tab cause · Shift+Tab effect · Enter edit · arrows to move · L lay out · Del delete · T tools',
    keysParticipant:
      'Keyboard: N new card · Tab cause · Shift+Tab effect · Enter edit · arrows to move · Del delete · T tools',
  },
  inspector: {
    title: 'Card details',
    text: 'Text',
    role: 'Role',
    note: 'Note or evidence',
    notePlaceholder: 'Data, sources, examples that confirm it…',
    tags: 'Target groups',
    addTag: 'New group',
    addTagPlaceholder: 'e.g. Women over 50',
    add: 'Add',
    cluster: 'Branch',
    noCluster: 'No branch',
    newCluster: 'New branch…',
    clusterName: 'Branch name',
    author: 'Written by {{name}}',
    close: 'Close details',
  },
  targetGroups: {
    neet: 'NEET',
    'long-term-unemployed': 'Long-term unemployed',
    migrants: 'Migrants',
    disabilities: 'People with disabilities',
    'care-leavers': 'Leaving care pathways',
  },
  clusterDefaultName: 'Branch {{n}}',
  readOnly: 'Read-only',
  textCut: {
    text: 'The pasted text was longer than the field holds: its first {{limit}} characters were kept.',
    close: 'Close',
  },
  givenUp: {
    text: 'Edit given up with Esc.',
    restore: 'Restore',
    close: 'Close',
  },
  viewNotLoaded: {
    offline:
      'This part of the board could not be loaded: the network is down. Your work stays on this computer and is sent by itself when the network is back; the other parts work.',
    online: 'This part of the board could not be loaded. Your work is not lost: reload the page.',
    reload: 'Reload the page',
  },
  undoKept: {
    byOne_one: 'It stays on the board: {{names}} worked on it after you.',
    byOne_other: 'They stay on the board: {{names}} worked on them after you.',
    byMany_one: 'It stays on the board: {{names}} worked on it after you.',
    byMany_other: 'They stay on the board: {{names}} worked on them after you.',
    someone_one: 'It stays on the board: someone else worked on it after you.',
    someone_other: 'They stay on the board: others worked on them after you.',
    close: 'Close',
  },
  lostEdit: {
    title: 'What you were writing was deleted',
    body: 'Someone else deleted it while you were writing. Your text is here: you can go on writing it and restore it with your text (it comes back with its links).',
    bodyAway:
      'Someone else deleted it while you were offline, before your words reached the others. Your text is here: you can go on writing it and restore it with your text (it comes back with its links).',
    titleReplaced: 'The text you were writing was replaced',
    restoredByReplaced:
      '{{name}} restored an earlier version of the board while you were writing: the text is back as it was then. Your text is here: you can go on writing it and put it back in place of the version’s.',
    restoredReplaced:
      'An earlier version of the board was restored while you were writing: the text is back as it was then. Your text is here: you can go on writing it and put it back in place of the version’s.',
    restoredByDeleted:
      '{{name}} restored an earlier version of the board, without this item in it. Your text is here: you can go on writing it and restore it with your text (it comes back with its links).',
    restoredDeleted:
      'An earlier version of the board was restored, without this item in it. Your text is here: you can go on writing it and restore it with your text (it comes back with its links).',
    putBack: 'Put my text back',
    backTitle: 'Your text is on the board again',
    back: 'It is back as you left it (another restore, or someone put it back): there is nothing to put back.',
    changedSince: 'Someone wrote in this text after the restore. It now reads:',
    changedSinceLoss:
      'If you put your text back, these words go: copy what you want to keep first.',
    putBackAnyway: 'Put my text back anyway',
    putBackFailed:
      'Your text could not be put back: it may have been deleted meanwhile, or its phase locked. Copy it before closing.',
    yourText: 'Your text',
    restore: 'Restore with my text',
    restoring: 'Restoring…',
    close: 'Close',
    notInBin:
      'It is no longer in the bin: someone may have restored it already. Copy your text before closing.',
    cannot:
      'It cannot be restored now: it may be back on the board already, its phase locked or the board paused. Copy your text before closing.',
    failed:
      'The restore did not work. Copy your text before closing and try again from the History.',
  },
  errors: {
    invalidLink: {
      title: 'Invalid link',
      body: 'The board link is incomplete or altered. Ask the facilitator for a new link.',
    },
    MISSING_KEY: 'The link has no board key.',
    WRONG_KEY: 'The key in the link does not open this board. Ask the facilitator for a new link.',
    BOARD_NOT_FOUND: 'This board does not exist (or was removed from the server).',
    network: 'The server cannot be reached. Check the connection and retry.',
    schemaTooNew:
      'This board was updated by a newer version of Trama. Reload the page to keep editing.',
    rejected:
      'The server refused the connection. Reload the page; if it happens again, export your work and tell whoever runs Trama.',
    reload: 'Reload',
    generic: 'Something went wrong: {{message}}',
  },
}
