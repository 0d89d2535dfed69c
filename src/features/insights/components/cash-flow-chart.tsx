import { Group } from '@visx/group';
import { scaleBand, scaleLinear } from '@visx/scale';
import { Bar, LinePath } from '@visx/shape';
import {
  useEffect,
  useId,
  useLayoutEffect,
  useRef,
  useState,
  type KeyboardEvent,
} from 'react';

import { useTranslation } from '@/lib/i18n';
import { useFormat } from '@/lib/locale-settings';
import { cn } from '@/utils/cn';

import type { MonthFlow } from '../utils/cash-flow';

const HEIGHT = 260;
const MARGIN = { top: 16, right: 8, bottom: 40 };
/** Room for an axis label of this many characters. */
const CHAR_WIDTH = 7;
/** Narrower than this, a month's bars stop being readable: the chart scrolls. */
const MIN_MONTH_WIDTH = 18;
/** Month labels closer than this would overlap: only every n-th is written. */
const MIN_LABEL_GAP = 40;
/** Steps between labelled months that divide a year, so January is one. */
const LABEL_STEPS = [1, 2, 3, 4, 6, 12];
/** Half the tooltip's width (w-56), to keep it inside the chart. */
const TOOLTIP_HALF = 112;

/** The width an element is given by the layout, kept up to date. */
function useWidth<T extends HTMLElement>() {
  const ref = useRef<T>(null);
  const [width, setWidth] = useState(0);
  useLayoutEffect(() => {
    const element = ref.current;
    if (!element) return;
    setWidth(element.clientWidth);
    const observer = new ResizeObserver(() => setWidth(element.clientWidth));
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  return [ref, width] as const;
}

/**
 * Income and expense bars and a net line per month. The picture is for the
 * eye (a table of the same figures is one click away); the keyboard moves
 * through the months with the arrow keys and each month's figures are shown
 * and announced.
 */
export function CashFlowChart({
  months,
  onOpenMonth,
}: {
  months: readonly MonthFlow[];
  /** A click or Enter on a month: its transactions. */
  onOpenMonth: (month: string) => void;
}) {
  const { t } = useTranslation('insights');
  const format = useFormat();
  const signed = format.signedMoney;
  const patternId = useId();
  const hintId = useId();
  const [wrapperRef, width] = useWidth<HTMLDivElement>();
  const [active, setActive] = useState<number | null>(null);
  const [scrollLeft, setScrollLeft] = useState(0);

  const innerHeight = HEIGHT - MARGIN.top - MARGIN.bottom;
  const high = Math.max(
    1,
    ...months.map((month) => Math.max(month.income, month.expense, month.net)),
  );
  const low = Math.min(0, ...months.map((month) => month.net));
  const y = scaleLinear({
    domain: [low, high],
    range: [innerHeight, 0],
    nice: 4,
  });
  const ticks = y.ticks(4).map((value) => ({
    value,
    label: format.compactMoney(value),
  }));
  const marginLeft =
    12 + CHAR_WIDTH * Math.max(...ticks.map((tick) => tick.label.length));

  const chartWidth = Math.max(
    width,
    marginLeft + MARGIN.right + months.length * MIN_MONTH_WIDTH,
  );
  const innerWidth = chartWidth - marginLeft - MARGIN.right;
  const x = scaleBand({
    domain: months.map((month) => month.month),
    range: [0, innerWidth],
    paddingInner: 0.3,
    paddingOuter: 0.15,
  });
  const bar = x.bandwidth() / 2;
  const needed = Math.ceil(MIN_LABEL_GAP / Math.max(x.step(), 1));
  const labelEvery =
    LABEL_STEPS.find((step) => step >= needed) ?? 12 * Math.ceil(needed / 12);
  // Months labelled: every n-th of the calendar, so each January is.
  const labelled = (month: string) =>
    (Number(month.slice(5, 7)) - 1) % labelEvery === 0;
  const firstLabelled = months.findIndex((month) => labelled(month.month));
  const lastLabelled = months.findLastIndex((month) => labelled(month.month));
  const centre = (index: number) =>
    (x(months[index]?.month ?? '') ?? 0) + x.bandwidth() / 2;

  // A chart too long for the screen opens at its latest months.
  useLayoutEffect(() => {
    const wrapper = wrapperRef.current;
    if (wrapper) wrapper.scrollLeft = wrapper.scrollWidth;
  }, [wrapperRef, months]);

  // The month chosen by keyboard stays in view when the chart scrolls.
  useEffect(() => {
    const wrapper = wrapperRef.current;
    if (active === null || !wrapper) return;
    const left = marginLeft + centre(active);
    if (left < wrapper.scrollLeft + marginLeft) {
      wrapper.scrollLeft = left - marginLeft - x.step();
    } else if (left > wrapper.scrollLeft + wrapper.clientWidth - MARGIN.right) {
      wrapper.scrollLeft = left - wrapper.clientWidth + MARGIN.right + x.step();
    }
  });

  const onKeyDown = (event: KeyboardEvent) => {
    const last = months.length - 1;
    const current = active ?? last;
    const next = {
      ArrowLeft: Math.max(0, current - 1),
      ArrowRight: Math.min(last, current + 1),
      Home: 0,
      End: last,
    }[event.key];
    if (event.key === 'Enter') {
      const month = months[current];
      if (month) onOpenMonth(month.month);
      return;
    }
    if (next === undefined) return;
    event.preventDefault();
    setActive(next);
  };

  const shown = active === null ? undefined : months[active];
  const focused = active ?? months.length - 1;
  const summary = (index: number) => {
    const month = months[index];
    return month
      ? t('cashFlow.monthSummary', {
          month: format.month(month.month),
          income: signed(month.income),
          expense: signed(-month.expense),
          net: signed(month.net),
        })
      : '';
  };
  // The tooltip stays inside the part of the chart that is in view.
  const tooltipLeft =
    active === null
      ? 0
      : Math.min(
          Math.max(marginLeft + centre(active), scrollLeft + TOOLTIP_HALF),
          scrollLeft + width - TOOLTIP_HALF,
        );

  return (
    <div className="relative">
      <p id={hintId} className="sr-only">
        {t('cashFlow.keyboardHint')}
      </p>
      <div
        ref={wrapperRef}
        // The keyboard scrubs through the months like a slider, and each
        // month's figures are read out as its value.
        role="slider"
        tabIndex={0}
        aria-label={t('cashFlow.chartLabel')}
        aria-describedby={hintId}
        aria-valuemin={1}
        aria-valuemax={months.length}
        aria-valuenow={focused + 1}
        aria-valuetext={summary(focused)}
        aria-orientation="horizontal"
        onKeyDown={onKeyDown}
        onFocus={() => setActive((current) => current ?? months.length - 1)}
        onBlur={() => setActive(null)}
        onPointerLeave={() => setActive(null)}
        onScroll={(event) => setScrollLeft(event.currentTarget.scrollLeft)}
        className="relative overflow-x-auto rounded-md"
      >
        <svg
          width={chartWidth}
          height={HEIGHT}
          aria-hidden="true"
          className="block text-fg"
        >
          <defs>
            <pattern
              id={patternId}
              width={6}
              height={6}
              patternUnits="userSpaceOnUse"
              patternTransform="rotate(45)"
            >
              <rect width={6} height={6} className="fill-expense/35" />
              <line y2={6} strokeWidth={3} className="stroke-expense" />
            </pattern>
          </defs>
          <Group left={marginLeft} top={MARGIN.top}>
            {ticks.map((tick) => (
              <g key={tick.value} transform={`translate(0, ${y(tick.value)})`}>
                <line
                  x2={innerWidth}
                  className={
                    tick.value === 0 ? 'stroke-border-strong' : 'stroke-border'
                  }
                />
              </g>
            ))}
            {months.map((month, index) => {
              const left = x(month.month) ?? 0;
              return (
                <g key={month.month}>
                  <rect
                    x={left - (x.step() - x.bandwidth()) / 2}
                    width={x.step()}
                    height={innerHeight}
                    onPointerEnter={() => setActive(index)}
                    onClick={() => onOpenMonth(month.month)}
                    className={cn(
                      'cursor-pointer',
                      index === active
                        ? 'fill-surface-muted'
                        : 'fill-transparent',
                    )}
                  />
                  <Bar
                    x={left}
                    y={y(month.income)}
                    width={bar}
                    height={y(0) - y(month.income)}
                    className="pointer-events-none fill-income"
                  />
                  <Bar
                    x={left + bar}
                    y={y(month.expense)}
                    width={bar}
                    height={y(0) - y(month.expense)}
                    fill={`url(#${patternId})`}
                    className="pointer-events-none stroke-expense"
                  />
                  {labelled(month.month) && (
                    <MonthLabel
                      x={left + x.bandwidth() / 2}
                      y={innerHeight + 16}
                      // The ends of the axis: the label turns inwards
                      // rather than run under the amounts or off the chart.
                      anchor={
                        index === firstLabelled
                          ? 'start'
                          : index === lastLabelled &&
                              left + x.bandwidth() / 2 + 3 * CHAR_WIDTH >
                                innerWidth
                            ? 'end'
                            : 'middle'
                      }
                      name={format.month(month.month, 'shortMonth')}
                      year={
                        index === firstLabelled || month.month.endsWith('-01')
                          ? month.month.slice(0, 4)
                          : undefined
                      }
                    />
                  )}
                </g>
              );
            })}
            <LinePath
              data={[...months]}
              x={(_month, index) => centre(index)}
              y={(month) => y(month.net)}
              strokeWidth={2}
              className="pointer-events-none fill-none stroke-fg"
            />
            {months.map((month, index) => (
              <circle
                key={month.month}
                cx={centre(index)}
                cy={y(month.net)}
                r={index === active ? 5 : 3}
                strokeWidth={2}
                className="pointer-events-none fill-surface stroke-fg"
              />
            ))}
          </Group>
        </svg>
        {shown && (
          <div
            aria-hidden="true"
            className="pointer-events-none absolute top-0 z-10 w-56 -translate-x-1/2 rounded-md border border-border bg-surface px-3 py-2 text-sm shadow-md"
            style={{ left: tooltipLeft }}
          >
            <p className="mb-1 font-semibold">{format.month(shown.month)}</p>
            <dl className="tabular grid grid-cols-[auto_1fr] gap-x-3">
              <dt className="text-fg-muted">{t('cashFlow.income')}</dt>
              <dd className="text-right text-income">{signed(shown.income)}</dd>
              <dt className="text-fg-muted">{t('cashFlow.expense')}</dt>
              <dd className="text-right text-expense">
                {signed(-shown.expense)}
              </dd>
              <dt className="text-fg-muted">{t('cashFlow.net')}</dt>
              <dd className="text-right font-semibold">{signed(shown.net)}</dd>
            </dl>
          </div>
        )}
      </div>
      {/* The amounts stay in view while a long chart scrolls under them. */}
      <svg
        width={marginLeft}
        height={HEIGHT}
        aria-hidden="true"
        className="pointer-events-none absolute top-0 left-0"
      >
        <rect width={marginLeft} height={HEIGHT} className="fill-surface" />
        {ticks.map((tick) => (
          <text
            key={tick.value}
            x={marginLeft - 8}
            y={MARGIN.top + y(tick.value)}
            dy="0.32em"
            textAnchor="end"
            className="tabular fill-fg-muted text-xs"
          >
            {tick.label}
          </text>
        ))}
      </svg>
    </div>
  );
}

/**
 * A month under the axis, with its year below it at each January and at
 * the first label; the first label starts at its month rather than being
 * centred on it, so nothing is cut off at the axis.
 */
function MonthLabel({
  x,
  y,
  anchor,
  name,
  year,
}: {
  x: number;
  y: number;
  anchor: 'start' | 'middle' | 'end';
  name: string;
  year: string | undefined;
}) {
  // From the start of the month's band, not its centre, at the axis's start.
  const at = anchor === 'start' ? Math.max(0, x - 6) : x;
  return (
    <text x={at} y={y} textAnchor={anchor} className="fill-fg-muted text-xs">
      {name}
      {year && (
        <tspan x={at} dy="1.2em" className="fill-fg">
          {year}
        </tspan>
      )}
    </text>
  );
}
