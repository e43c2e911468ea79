/**
 * Line icons of the staff console (24×24, stroked), as SVG path data so they cost no request
 * and stay out of the resident bundle.
 */
export const STAFF_ICONS = {
  box: ['M3.5 7.5L12 3l8.5 4.5v9L12 21l-8.5-4.5z', 'M3.5 7.5L12 12l8.5-4.5', 'M12 12v9', 'M7.8 5.2l8.4 4.6'],
  clipboard: [
    'M9 4h6v3H9z',
    'M9 5.5H6a1 1 0 0 0-1 1V20a1 1 0 0 0 1 1h12a1 1 0 0 0 1-1V6.5a1 1 0 0 0-1-1h-3',
    'M8.5 12l2 2 4-4',
    'M8.5 17.5h7',
  ],
  lowStock: ['M4 20h16', 'M6 20v-4h3v4', 'M11 20v-8h3v8', 'M16 20V6h3v14', 'M5 5l4 4 3-3 4 4'],
  printer: ['M7 9V3h10v6', 'M5 9h14a2 2 0 0 1 2 2v6h-4', 'M7 17H3v-6a2 2 0 0 1 2-2', 'M7 14h10v7H7z'],
  person: ['M12 12a4 4 0 1 0 0-8 4 4 0 0 0 0 8z', 'M4.5 21a7.5 7.5 0 0 1 15 0'],
  people: [
    'M9 11a3.5 3.5 0 1 0 0-7 3.5 3.5 0 0 0 0 7z',
    'M2.5 20a6.5 6.5 0 0 1 13 0',
    'M16 4.3a3.5 3.5 0 0 1 0 6.4',
    'M18 13.6a6.5 6.5 0 0 1 3.5 6.4',
  ],
  home: ['M3.5 11L12 4l8.5 7', 'M6 9.5V20h12V9.5', 'M10 20v-5h4v5'],
  exit: ['M14 4h5a1 1 0 0 1 1 1v14a1 1 0 0 1-1 1h-5', 'M10 8l-4 4 4 4', 'M6 12h10'],
  lock: ['M6 11h12v9H6z', 'M8.5 11V8a3.5 3.5 0 0 1 7 0v3', 'M12 14.5v2.5'],
  backspace: ['M8 5h12a1 1 0 0 1 1 1v12a1 1 0 0 1-1 1H8l-6-7z', 'M11 9.5l5 5', 'M16 9.5l-5 5'],
  scan: [
    'M4 8V5a1 1 0 0 1 1-1h3',
    'M16 4h3a1 1 0 0 1 1 1v3',
    'M20 16v3a1 1 0 0 1-1 1h-3',
    'M8 20H5a1 1 0 0 1-1-1v-3',
    'M4 12h16',
  ],
  check: ['M5 12.5l4.5 4.5L19 7.5'],
  alert: ['M12 2.5a9.5 9.5 0 1 0 0 19 9.5 9.5 0 0 0 0-19z', 'M12 7v6.5', 'M12 16.8v.2'],
  search: ['M10.5 17a6.5 6.5 0 1 0 0-13 6.5 6.5 0 0 0 0 13z', 'M15.5 15.5L20 20'],
  plus: ['M12 5v14', 'M5 12h14'],
  minus: ['M5 12h14'],
  arrowLeft: ['M19 12H5', 'M11 6l-6 6 6 6'],
  star: ['M12 3.5l2.6 5.3 5.9.9-4.3 4.1 1 5.8-5.2-2.7-5.2 2.7 1-5.8-4.3-4.1 5.9-.9z'],
  receipt: ['M6 3h12v18l-3-2-3 2-3-2-3 2z', 'M9 8h6', 'M9 12h6', 'M9 16h3'],
  plusMinus: ['M12 4v10', 'M7 9h10', 'M7 19h10'],
  tag: [
    'M3.5 12.5V4.5a1 1 0 0 1 1-1h8l8 8a1 1 0 0 1 0 1.4l-7.6 7.6a1 1 0 0 1-1.4 0z',
    'M8 9a1 1 0 1 0 0-2 1 1 0 0 0 0 2z',
  ],
  sliders: ['M4 6h9', 'M17 6h3', 'M4 12h3', 'M11 12h9', 'M4 18h11', 'M19 18h1', 'M15 4v4', 'M9 10v4', 'M17 16v4'],
  chart: ['M4 4v16h16', 'M8 16v-5', 'M12 16V8', 'M16 16v-3', 'M20 16V6'],
  shield: ['M12 3l7.5 3v5.5c0 4.5-3.2 8.2-7.5 9.5-4.3-1.3-7.5-5-7.5-9.5V6z', 'M8.5 12l2.5 2.5 4.5-5'],
  download: ['M12 4v11', 'M7 10.5l5 5 5-5', 'M4.5 19.5h15'],
  image: ['M4 5h16v14H4z', 'M4 16l5-5 4 4 2.5-2.5L20 17', 'M15.5 9.5a1.5 1.5 0 1 0 0-.01'],
} as const satisfies Record<string, readonly string[]>;

export type StaffIconName = keyof typeof STAFF_ICONS;
