import { i18n } from '#i18n';
import { render } from 'preact';
import { Library } from '../../components/library/Library';
import '../../components/reader.css';
import '../../components/library/library.css';

document.documentElement.lang = i18n.t('@@ui_locale').replace('_', '-');
document.title = `${i18n.t('library.title')} · Lucid Reader`;
render(<Library />, document.getElementById('app')!);
