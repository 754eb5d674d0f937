/** Search and filters of the library. */
import { i18n } from '#i18n';
import { COLOURS, type Colour } from '../../utils/highlights';
import { colourName } from './colours';
import type { Filters as FilterValues } from './search';

interface Props {
  filters: FilterValues;
  sites: string[];
  speakers: string[];
  onChange: (filters: FilterValues) => void;
}

export function Filters({ filters, sites, speakers, onChange }: Props) {
  const set = (patch: Partial<FilterValues>) => onChange({ ...filters, ...patch });
  return (
    <form class="filters" role="search" aria-label={i18n.t('library.filters')} onSubmit={(e) => e.preventDefault()}>
      <div class="field grow">
        <label for="q">{i18n.t('library.search')}</label>
        <input
          id="q"
          type="search"
          value={filters.query}
          placeholder={i18n.t('library.searchHint')}
          autocomplete="off"
          onInput={(e) => set({ query: e.currentTarget.value })}
        />
      </div>
      <div class="field">
        <label for="colour">{i18n.t('library.colour')}</label>
        <select id="colour" value={filters.colour} onChange={(e) => set({ colour: e.currentTarget.value as Colour | '' })}>
          <option value="">{i18n.t('library.allColours')}</option>
          {COLOURS.map((c) => (
            <option key={c} value={c}>
              {colourName(c)}
            </option>
          ))}
        </select>
      </div>
      <Choice id="site" label={i18n.t('library.site')} all={i18n.t('library.allSites')} value={filters.site} options={sites} onChange={(site) => set({ site })} />
      <Choice
        id="speaker"
        label={i18n.t('library.speaker')}
        all={i18n.t('library.allSpeakers')}
        value={filters.speaker}
        options={speakers}
        onChange={(speaker) => set({ speaker })}
      />
    </form>
  );
}

interface ChoiceProps {
  id: string;
  label: string;
  all: string;
  value: string;
  options: string[];
  onChange: (value: string) => void;
}

function Choice({ id, label, all, value, options, onChange }: ChoiceProps) {
  return (
    <div class="field">
      <label for={id}>{label}</label>
      <select id={id} value={value} onChange={(e) => onChange(e.currentTarget.value)}>
        <option value="">{all}</option>
        {options.map((o) => (
          <option key={o} value={o}>
            {o}
          </option>
        ))}
      </select>
    </div>
  );
}
