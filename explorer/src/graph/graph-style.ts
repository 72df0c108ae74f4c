/** The Cytoscape stylesheet: shapes by node kind, colours by kind and relationship, statuses drawn. */
import type { StylesheetJson } from 'cytoscape';
import { SHAPES } from './palette';

export const FONT = 'system-ui, -apple-system, "Segoe UI", Roboto, "DejaVu Sans", sans-serif';

export function graphStyle(): StylesheetJson {
  return [
    {
      selector: 'node',
      style: {
        'background-color': 'data(color)',
        width: 'data(size)',
        height: 'data(size)',
        label: 'data(label)',
        'font-family': FONT,
        'font-size': 12,
        color: '#111827',
        'text-valign': 'bottom',
        'text-halign': 'center',
        'text-margin-y': 3,
        'text-wrap': 'wrap',
        'text-max-width': '130px',
        'text-background-color': '#ffffff',
        'text-background-opacity': 0.8,
        'text-background-padding': '1px',
        'text-background-shape': 'roundrectangle',
        'min-zoomed-font-size': 8,
        'border-width': 1.5,
        'border-color': '#ffffff',
      },
    },
    ...(Object.entries(SHAPES).map(([kind, shape]) => ({
      selector: `node.${kind.toLowerCase().replace('_', '-')}`,
      style: { shape: shape as 'ellipse' },
    })) as StylesheetJson),
    // Organizations keep their names readable when zoomed out; deals show amounts once closer.
    { selector: 'node.organization', style: { 'font-weight': 'bold', 'font-size': 17, 'min-zoomed-font-size': 5 } },
    { selector: 'node.root', style: { 'font-size': 22, 'border-width': 3, 'border-color': '#111827', 'z-index': 30 } },
    {
      selector: 'node.deal',
      style: { 'border-color': '#1f2937', 'border-width': 1.5, 'font-size': 13, 'font-weight': 'bold', color: '#1f2937', 'min-zoomed-font-size': 6 },
    },
    { selector: 'node.exclusivity', style: { 'border-color': '#7f1d1d', 'font-size': 12, color: '#7f1d1d' } },
    { selector: 'node.chip', style: { 'border-color': '#92400e' } },
    { selector: 'node.cloud-service', style: { 'border-color': '#075985' } },
    // Statuses: talks and rumours dashed, ended facts faded, superseded ones double-bordered.
    { selector: 'node.tentative', style: { 'border-style': 'dashed', 'border-width': 2.5, 'border-color': '#111827', 'background-opacity': 0.45 } },
    { selector: 'node.ended', style: { opacity: 0.35 } },
    { selector: 'node.superseded', style: { 'border-style': 'double', 'border-width': 5, 'border-color': '#6d28d9', opacity: 0.6 } },
    {
      selector: 'edge',
      style: {
        width: 1.6,
        'line-color': 'data(color)',
        'target-arrow-color': 'data(color)',
        'target-arrow-shape': 'triangle',
        'arrow-scale': 0.7,
        'curve-style': 'bezier',
        opacity: 0.85,
        label: 'data(label)',
        'font-family': FONT,
        'font-size': 8,
        color: '#4b5563',
        'text-rotation': 'autorotate',
        'text-background-color': '#ffffff',
        'text-background-opacity': 0.85,
        // Level of detail: link labels only once zoomed in well past the fitted view.
        'min-zoomed-font-size': 12,
      },
    },
    { selector: 'edge.tentative', style: { 'line-style': 'dashed', 'line-dash-pattern': [6, 4] } },
    { selector: 'edge.ended', style: { opacity: 0.25 } },
    { selector: 'edge.superseded', style: { 'line-style': 'dotted', opacity: 0.5 } },
    { selector: 'edge[type = "CONTROLS"]', style: { width: 3 } },
    // Deals grouped into one link per pair of organizations: width by number, label with the total.
    {
      selector: 'edge.grouped',
      style: { width: 'data(width)', 'target-arrow-shape': 'none', 'font-size': 10, 'min-zoomed-font-size': 7, color: '#334155', opacity: 0.75 },
    },
    // Style rules: colour by status or community, size by centrality.
    { selector: 'node.color-rule', style: { 'background-color': 'data(ruleColor)' } },
    { selector: 'node.size-rule', style: { width: 'data(ruleSize)', height: 'data(ruleSize)' } },
    // Labels left out to avoid overlaps come back on hover and selection.
    { selector: 'node.label-off', style: { label: '' } },
    { selector: 'node.label-off.hover, node.label-off:selected', style: { label: 'data(label)', 'z-index': 40 } },
    // Pinned, selected, highlighted and dimmed.
    { selector: 'node.pinned', style: { 'outline-width': 3, 'outline-color': '#0f172a', 'outline-offset': 2, 'outline-style': 'solid' } },
    {
      selector: 'node:selected',
      style: { 'underlay-color': '#facc15', 'underlay-opacity': 0.9, 'underlay-padding': 7, 'underlay-shape': 'ellipse', 'z-index': 20 },
    },
    { selector: 'edge:selected', style: { width: 4, 'underlay-color': '#facc15', 'underlay-opacity': 0.9, 'underlay-padding': 3 } },
    {
      selector: 'node.highlight',
      style: { 'underlay-color': '#f97316', 'underlay-opacity': 0.55, 'underlay-padding': 8, 'underlay-shape': 'ellipse', 'z-index': 10, opacity: 1 },
    },
    { selector: 'edge.highlight', style: { width: 3.5, opacity: 1, 'z-index': 10 } },
    { selector: '.dimmed', style: { opacity: 0.12 } },
    // Hidden by the user, by a filter, by focus, or left without a visible link.
    { selector: '.hidden, .filtered, .unfocused, .orphan', style: { display: 'none' } },
  ];
}
