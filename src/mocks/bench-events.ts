import type { MockDb } from './db';

const SEED_DESCRIPTIONS = [
  'Rent for the month',
  'Коммунальные платежи',
  'Plumber: kitchen sink, parts and two hours of work, invoice attached to the folder of this flat, paid in cash on the spot',
  '<img src=x onerror=alert(1)>',
  'إيجار الشهر',
  'Уборка 🧹 после гостей',
];

/**
 * Adds a property of `login` (admin by default) with `count` events spread
 * over the three years up to today, for the events benchmark; returns its id.
 */
export function seedBenchmarkEvents(
  db: MockDb,
  count: number,
  login = 'admin',
): number {
  const user = db.findUserByLogin(login);
  if (!user) throw new Error(`The mock backend has no user "${login}"`);
  const object = db.createObject(user.id, {
    name: `Benchmark block (${count} events)`,
    area: 1000,
    address: '1 Benchmark Street',
  });
  const now = new Date();
  for (let index = 0; index < count; index += 1) {
    const day = new Date(
      Date.UTC(
        now.getFullYear(),
        now.getMonth(),
        now.getDate() - Math.floor((index * 1096) / count),
      ),
    );
    const income = index % 3 === 0 ? 1_000 + (index % 97) * 100 : 0;
    db.createEvent(user.id, {
      notification_date: day.toISOString().slice(0, 10),
      income,
      expense: income ? 0 : 500 + (index % 89) * 10,
      description: SEED_DESCRIPTIONS[index % SEED_DESCRIPTIONS.length] ?? '',
      object_id: object.id,
    });
  }
  return object.id;
}
