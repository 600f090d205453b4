// Writes a FOSDEM-size test event: 1,000 programme items over 5 days in 60 rooms, with
// 600 speakers. Deterministic (no randomness), so that benchmarks compare like with like.
//   node scripts/make-large-event.mjs [out.json]
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const TOPICS = ['Rust', 'WebAssembly', 'Databases', 'Kernel', 'Networking', 'Security', 'Graphics', 'Embedded',
  'Compilers', 'Accessibility', 'Translation', 'Packaging', 'Testing', 'Containers', 'Mobile'];

export function largeEvent() {
  const people = Array.from({ length: 600 }, (_, i) => ({
    id: `p${i}`,
    name: `Speaker ${i} ${TOPICS[i % TOPICS.length]}son`,
    role: { en: `Maintainer of project ${i % 97}` },
    attendance: i % 7 === 0 ? 'video' : 'in_person',
  }));
  const program = Array.from({ length: 1000 }, (_, i) => {
    const day = i % 5;
    const slot = Math.floor(i / 5) % 16;
    const start = 9 * 60 + slot * 30;
    const hhmm = (m) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
    return {
      id: `t${i}`,
      title: { en: `${TOPICS[i % TOPICS.length]} talk number ${i}` },
      kind: ['talk', 'talk', 'talk', 'panel', 'workshop'][Math.floor(i / 5) % 5],
      date: `2030-02-0${day + 1}`,
      start: hhmm(start),
      end: hhmm(start + 25),
      location: { en: `Room ${String.fromCharCode(65 + (i % 60) % 26)}${Math.floor((i % 60) / 26) + 1}` },
      description: { en: `About ${TOPICS[(i * 7) % TOPICS.length].toLowerCase()} and ${TOPICS[(i * 3) % TOPICS.length].toLowerCase()}.` },
      people: [`p${i % 600}`, `p${(i * 13 + 7) % 600}`].filter((v, k, a) => a.indexOf(v) === k),
    };
  });
  return {
    version: 1,
    id: 'large-test-conference-2030',
    name: { en: 'Large Test Conference 2030' },
    start_date: '2030-02-01',
    end_date: '2030-02-05',
    time_zone: 'Europe/Brussels',
    venue: { name: { en: 'Test Campus' }, city: { en: 'Brussels' }, country: 'BE' },
    people,
    program,
  };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const out = process.argv[2] || 'large-event.json';
  writeFileSync(out, JSON.stringify(largeEvent()));
  console.log(`wrote ${out}`);
}
