// A dozen Fortepan-style records for the bundled sample catalogue. The words, names and places
// are typical of the archive (Hungarian captions, donors family-name first); the images are drawn.
export interface SampleRecord {
  fortepanId: number;
  title: string;
  caption: string;
  date: string;
  donor: string;
  photographer?: string;
  /** The holding archive's shelfmark, cited in the credit where the archive asks for it. */
  archiveRef?: string;
  city: string;
  place: string;
  country: string;
  tags: string[];
  palette: [string, string];
  scene: 'street' | 'lake' | 'hills' | 'portrait' | 'bridge' | 'square';
  portrait?: boolean;
}

export const SAMPLE_RECORDS: SampleRecord[] = [
  { fortepanId: 90101, title: 'Üllői út, villamos', caption: 'Budapest VIII., Üllői út a Nagykörút felől nézve, villamos a megállóban.', date: '1956', donor: 'Nagy Gyula', city: 'Budapest', place: 'Üllői út', country: 'Magyarország', tags: ['villamos', 'utcakép', 'forgalom'], palette: ['#d9c7a3', '#5b4a36'], scene: 'street' },
  { fortepanId: 90102, title: 'Vitorlások a kikötőben', caption: 'Balatonfüred, vitorlások a kikötőben, háttérben a tihanyi félsziget.', date: '1938', donor: 'Kurutz Márton', city: 'Balatonfüred', place: 'kikötő', country: 'Magyarország', tags: ['vitorlás', 'Balaton', 'nyaralás'], palette: ['#e3d9c1', '#3f4a52'], scene: 'lake' },
  { fortepanId: 90103, title: 'Lánchíd', caption: 'Budapest, a Széchenyi Lánchíd a pesti oldalról, szemben a Királyi Palota.', date: '195X', donor: 'Budapest Főváros Levéltára / Klösz György fényképei', photographer: 'Klösz György', archiveRef: 'HU.BFL.XV.19.d.1.05.054', city: 'Budapest', place: 'Széchenyi Lánchíd', country: 'Magyarország', tags: ['híd', 'Duna', 'látkép'], palette: ['#cfc3a8', '#473b2c'], scene: 'bridge' },
  { fortepanId: 90104, title: 'Családi portré', caption: 'Családi portré a kertben, Szeged.', date: '1925~', donor: 'Zichy Kinga', city: 'Szeged', place: 'kert', country: 'Magyarország', tags: ['portré', 'család', 'kert'], palette: ['#e0d3b8', '#6b5840'], scene: 'portrait', portrait: true },
  { fortepanId: 90105, title: 'Piac a főtéren', caption: 'Debrecen, piac a Kossuth téren, háttérben a Nagytemplom.', date: '1942', donor: 'Lissák Tivadar', city: 'Debrecen', place: 'Kossuth tér', country: 'Magyarország', tags: ['piac', 'tér', 'templom'], palette: ['#d6c9ad', '#4d4233'], scene: 'square' },
  { fortepanId: 90106, title: 'Szüret', caption: 'Tokaj, szüret a hegyoldalban, puttonyos férfiak.', date: '1961', donor: 'Bauer Sándor', photographer: 'Bauer Sándor', city: 'Tokaj', place: 'Kopasz-hegy', country: 'Magyarország', tags: ['szüret', 'szőlő', 'mezőgazdaság'], palette: ['#e6dcc4', '#55492f'], scene: 'hills' },
  { fortepanId: 90107, title: 'Győri Főplébániatemplom', caption: 'Győr, a Káptalandomb és a Főplébániatemplom a Rába felől.', date: '1930', donor: 'Hofbauer Róbert', city: 'Győr', place: 'Káptalandomb', country: 'Magyarország', tags: ['templom', 'folyó', 'látkép'], palette: ['#d8ccb0', '#3c3a33'], scene: 'square' },
  { fortepanId: 90108, title: 'Október', caption: 'Budapest, a forradalom napjai, tüntetők a Múzeum körúton.', date: '1956-10-23', donor: 'Berkó Pál', photographer: 'Berkó Pál', city: 'Budapest', place: 'Múzeum körút', country: 'Magyarország', tags: ['1956', 'forradalom', 'tömeg'], palette: ['#cbbfa5', '#2f2a24'], scene: 'street' },
  { fortepanId: 90109, title: 'Strand', caption: 'Siófok, strand, napozók a parton.', date: '1965?', donor: 'Ebner', city: 'Siófok', place: 'Aranypart', country: 'Magyarország', tags: ['strand', 'Balaton', 'nyár'], palette: ['#eee4cc', '#4a5660'], scene: 'lake' },
  { fortepanId: 90110, title: 'Tanya', caption: 'Kiskunság, tanya gémeskúttal, nyári délután.', date: '1944/1945', donor: 'Magyar Bálint', city: 'Kecskemét', place: 'Kiskunság', country: 'Magyarország', tags: ['tanya', 'gémeskút', 'Alföld'], palette: ['#e2d6ba', '#5a4c35'], scene: 'hills' },
  { fortepanId: 90111, title: 'Erzsébet híd', caption: 'Budapest, az új Erzsébet híd átadása előtt, a budai hídfőnél.', date: '1964', donor: 'Nagy Gyula', city: 'Budapest', place: 'Erzsébet híd', country: 'Magyarország', tags: ['híd', 'Duna', 'építkezés'], palette: ['#d4c8ad', '#403628'], scene: 'bridge' },
  { fortepanId: 90112, title: 'Iskolai tablókép', caption: 'Pécs, iskolai osztálykép az udvaron, tanítónővel.', date: '1912', donor: 'Szentkirályi Ödön', city: 'Pécs', place: 'iskolaudvar', country: 'Magyarország', tags: ['iskola', 'gyerekek', 'csoportkép'], palette: ['#ddd0b3', '#574832'], scene: 'portrait', portrait: true },
];
