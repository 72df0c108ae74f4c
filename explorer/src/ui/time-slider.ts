/**
 * The asOf slider: one step per day from the first recorded deal to today, plus a last step,
 * today with every fact ever recorded (ended ones faded). A date field sets it exactly, and
 * Replay walks through history a month at a time. It names its day as the answers do (dayText).
 */
import { dayText, dayToIso, isoToDay, todayIso } from '../format';

export interface TimeSliderElements {
  slider: HTMLInputElement;
  output: HTMLOutputElement;
  date: HTMLInputElement;
  all: HTMLButtonElement;
  play: HTMLButtonElement;
}

export class TimeSlider {
  private first = isoToDay('2019-01-01');
  private last = isoToDay(todayIso());
  private playing = false;

  constructor(
    private readonly el: TimeSliderElements,
    /** `settled` is false while the slider is being dragged. Resolves once the view is drawn. */
    private readonly onChange: (asOf: string | null, settled: boolean) => Promise<void>,
  ) {
    this.applyBounds();
    el.slider.addEventListener('input', () => {
      this.showValue();
      void onChange(this.value(), false);
    });
    el.slider.addEventListener('change', () => void onChange(this.value(), true));
    el.date.addEventListener('change', () => {
      if (!el.date.value) return;
      this.set(el.date.value);
      void onChange(this.value(), true);
    });
    el.all.addEventListener('click', () => {
      this.set(null);
      void onChange(null, true);
    });
    el.play.addEventListener('click', () => void this.togglePlay());
  }

  /** The first day the slider reaches (the earliest announcement, to the month). */
  setFirstDay(iso: string): void {
    this.first = isoToDay(`${iso.slice(0, 7)}-01`);
    const current = this.value();
    this.applyBounds();
    this.set(current);
  }

  private applyBounds(): void {
    this.el.slider.min = '0';
    this.el.slider.max = String(this.last - this.first + 1);
    this.el.date.min = dayToIso(this.first);
    this.el.date.max = dayToIso(this.last);
  }

  /** The chosen day, or null for "All time". */
  value(): string | null {
    const v = Number(this.el.slider.value);
    return v > this.last - this.first ? null : dayToIso(this.first + v);
  }

  set(asOf: string | null): void {
    const max = this.last - this.first + 1;
    const v = asOf === null ? max : Math.max(0, Math.min(max - 1, isoToDay(asOf) - this.first));
    this.el.slider.value = String(v);
    this.showValue();
  }

  private showValue(): void {
    const asOf = this.value();
    const text = dayText(asOf);
    this.el.output.value = text;
    this.el.output.textContent = text;
    this.el.output.title = asOf ? '' : 'Statuses of today; every fact ever recorded is drawn, ended ones faded';
    this.el.slider.setAttribute('aria-valuetext', asOf ? `as of ${text}` : `${text}, ended facts included`);
    this.el.date.value = asOf ?? '';
  }

  private async togglePlay(): Promise<void> {
    if (this.playing) {
      this.playing = false;
      return;
    }
    this.playing = true;
    this.el.play.setAttribute('aria-pressed', 'true');
    this.el.play.textContent = '❚❚ Stop';
    try {
      let day = this.value() === null ? this.first : isoToDay(this.value()!);
      if (day >= this.last) day = this.first;
      while (this.playing && day <= this.last) {
        this.set(dayToIso(day));
        const started = Date.now();
        await this.onChange(dayToIso(day), true);
        await new Promise((r) => setTimeout(r, Math.max(0, 450 - (Date.now() - started))));
        const d = new Date(day * 86_400_000);
        day = isoToDay(new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1)).toISOString().slice(0, 10));
      }
    } finally {
      this.playing = false;
      this.el.play.setAttribute('aria-pressed', 'false');
      this.el.play.textContent = '▶ Replay';
    }
  }
}
