import { render } from 'preact';
import { applySettings, cachedSettings } from '../../components/settings';
import { SidePanel } from './SidePanel';
import '../../components/reader.css';
// The popup's bar, settings panel, problem and notice styles; sidepanel.css sizes them to the panel.
import '../popup/popup.css';
import './sidepanel.css';

// The theme last used, before the first paint (storage answers a moment later).
document.documentElement.lang = navigator.language;
applySettings(document.documentElement, cachedSettings());
render(<SidePanel />, document.getElementById('app')!);
