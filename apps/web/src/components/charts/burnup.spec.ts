import { burnUpSeries } from './charts';

const counts = (points: ReturnType<typeof burnUpSeries>, series: string) =>
  points.filter((p) => p.series === series).map((p) => `${p.date.toISOString().slice(0, 10)}:${p.count}`);

describe('burnUpSeries', () => {
  it('counts due and done milestones cumulatively from 0, with done running on to today', () => {
    const points = burnUpSeries(
      [
        { dueDate: '2026-10-15', doneAt: '2026-10-20T09:00:00Z' },
        { dueDate: '2026-09-01', doneAt: null },
        { dueDate: null, doneAt: '2026-08-30T12:00:00Z' },
        { dueDate: '2027-01-31', doneAt: null },
      ],
      '2026-12-07',
    );
    expect(counts(points, 'Due')).toEqual(['2026-08-30:0', '2026-09-01:1', '2026-10-15:2', '2027-01-31:3']);
    expect(counts(points, 'Done')).toEqual(['2026-08-30:0', '2026-08-30:1', '2026-10-20:2', '2026-12-07:2']);
  });

  it('draws nothing for milestones without dates', () => {
    expect(burnUpSeries([{ dueDate: null, doneAt: null }])).toEqual([]);
  });
});
