/** Entry point of the explorer bundle. */
import './styles.css';
import { App } from './app';

declare global {
  interface Window {
    /** What the graph draws, for the browser tests. */
    aigraphExplorer?: ReturnType<App['testHooks']>;
  }
}

const app = new App();
window.aigraphExplorer = app.testHooks();
void app.start();
