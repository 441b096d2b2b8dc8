import type { home as it } from '../it/home.ts'

export const home: typeof it = {
  intro:
    'Set up a board for your workshop and share the links with the participants: everyone works together, in real time.',
  languageNames: { it: 'Italiano', en: 'English' },
  create: {
    heading: 'Create a new board',
    titleLabel: 'Board title',
    titleHint:
      'For example “Territorial Pact Valle Seriana – first meeting”. At most {{max}} characters.',
    submit: 'Create board',
    submitting: 'Creating…',
    created: 'Board “{{title}}” created.',
    errors: {
      titleRequired: 'Enter a title for the board.',
      titleTooLong: 'The title can be at most {{max}} characters long (it is {{count}}).',
      heading: 'The board could not be created',
      details: 'Details',
      NETWORK: 'The server does not answer. Check the connection and try again.',
      UNEXPECTED: 'The server gave an unexpected answer. Try again shortly.',
      BAD_REQUEST: 'The request is not valid.',
      BAD_JSON: 'The request is not valid.',
      BODY_TOO_LARGE: 'The request is too large.',
      UNSUPPORTED_MEDIA_TYPE: 'The request is not in the expected format.',
      INTERNAL: 'Something went wrong on the server. Try again shortly.',
    },
  },
  links: {
    localhostWarning:
      'These links use “localhost”: they only work on this computer. Open Trama at the network address the server prints when it starts (e.g. http://192.168.1.20:1234), or set PUBLIC_URL, before sharing them.',
    heading: 'The board “{{title}}” is ready',
    intro:
      'Each link gives access with a different role. The facilitator link lets you manage the board: keep it to yourself.',
    roles: {
      facilitator: 'Facilitator',
      participant: 'Participants',
      viewer: 'Projector / read-only',
    },
    hints: {
      facilitator: 'Manages the board. Do not share it.',
      participant: 'Send it to the workshop participants.',
      viewer: 'For the screen in the room: shows the board without editing.',
    },
    copy: 'Copy',
    copied: 'Copied',
    copiedStatus: 'Link copied to the clipboard: {{role}}.',
    copyFailed: 'Copy failed: select the link and copy it by hand.',
    open: 'Open as facilitator',
  },
  qr: {
    heading: 'QR code for participants',
    alt: 'QR code of the participant link',
    hint: 'Participants scan the code with their phone camera to join.',
    showFull: 'Full-screen QR',
    closeFull: 'Close',
    fullHeading: 'Scan the code to join',
    error: 'The QR code could not be generated.',
  },
  recent: {
    heading: 'Your boards',
    note: 'Boards created or opened in this browser. The list stays on this device only.',
    empty: 'No boards yet. The ones you create or open will appear here.',
    roles: { facilitator: 'Facilitator', participant: 'Participant', viewer: 'Read-only' },
    openedAt: 'Opened {{date}}',
    untitled: 'Untitled board',
    open: 'Open',
    openLabel: 'Open “{{title}}”',
    remove: 'Remove',
    removeLabel: 'Remove “{{title}}” from the list',
    removed: '“{{title}}” removed from the list.',
  },
}
