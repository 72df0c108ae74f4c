/** Keys on the focused graph canvas, so the graph is usable without a mouse. */
export interface GraphKeyActions {
  step(delta: number): void;
  expand(): void;
  hide(): void;
  pin(): void;
  cycleFocus(): void;
  zoom(factor: number): void;
  fit(): void;
  relayout(): void;
  clear(): void;
}

export function bindGraphKeys(canvas: HTMLElement, a: GraphKeyActions): void {
  canvas.addEventListener('keydown', (e) => {
    if (e.ctrlKey || e.metaKey || e.altKey) return;
    const handled = (() => {
      switch (e.key) {
        case 'ArrowRight':
        case 'ArrowDown':
          return (a.step(1), true);
        case 'ArrowLeft':
        case 'ArrowUp':
          return (a.step(-1), true);
        case 'Enter':
        case 'e':
          return (a.expand(), true);
        case 'h':
        case 'Delete':
          return (a.hide(), true);
        case 'p':
          return (a.pin(), true);
        case 'f':
          return (a.cycleFocus(), true);
        case '+':
        case '=':
          return (a.zoom(1.25), true);
        case '-':
          return (a.zoom(0.8), true);
        case '0':
          return (a.fit(), true);
        case 'l':
          return (a.relayout(), true);
        case 'Escape':
          return (a.clear(), true);
        default:
          return false;
      }
    })();
    if (handled) e.preventDefault();
  });
}
