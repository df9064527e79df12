// The tag facet as the keyword tree: each node with the hits at or under it (the search worker
// counts them, each photo once), closed until opened; a click or Enter on a node adds
// tag:"Helyszín|Budapest" to the query, which finds the photos at or under that node.
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { FacetValue } from '../../../../shared/searchFacets.ts';
import { nestTags, type TagTreeNode } from '../../../../shared/tagTree.ts';
import { formatNumber } from '../../common/labels.ts';
import { TagTree } from '../../common/TagTree.tsx';

interface Props {
  /** The facet's values (full paths), in the order to show siblings. */
  values: readonly FacetValue[];
  onPick(path: string): void;
}

export function TagFacetTree({ values, onPick }: Props) {
  const { t } = useTranslation('search');
  const roots = useMemo(() => nestTags(values.map((v) => ({ path: v.value, count: v.count }))), [values]);
  const pick = (node: TagTreeNode) => onPick(node.path);
  return (
    <TagTree
      roots={roots}
      label={t('facets.tag')}
      onActivate={pick}
      testId="facet-tag-tree"
      renderRow={(node) => (
        <button type="button" tabIndex={-1} className="facet-value" title={t('facets.onlyTag', { value: node.path })} onClick={() => pick(node)}>
          <span className="facet-name">{node.name}</span>
          <span className="facet-count">{formatNumber(node.count)}</span>
        </button>
      )}
    />
  );
}
