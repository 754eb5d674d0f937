import { i18n } from '#i18n';
import type { Colour } from '../../utils/highlights';

/** The colour's name in the reader's language (colour is never the only cue). */
export function colourName(colour: Colour): string {
  switch (colour) {
    case 'yellow':
      return i18n.t('library.yellow');
    case 'green':
      return i18n.t('library.green');
    case 'blue':
      return i18n.t('library.blue');
    case 'pink':
      return i18n.t('library.pink');
  }
}
