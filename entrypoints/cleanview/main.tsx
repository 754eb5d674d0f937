import { render } from 'preact';
import { applySettings, cachedSettings } from '../../components/settings';
import { CleanView } from './CleanView';
import '../../components/reader.css';
// The popup's bar, settings panel, problem and notice styles; cleanview.css makes them full-page.
import '../popup/popup.css';
import './cleanview.css';

// The theme last used, before the first paint (storage answers a moment later).
document.documentElement.lang = navigator.language;
applySettings(document.documentElement, cachedSettings());
render(<CleanView />, document.getElementById('app')!);
