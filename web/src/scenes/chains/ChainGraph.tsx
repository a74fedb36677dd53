import cytoscape, { type ElementDefinition, type StylesheetJson } from 'cytoscape';
import dagre from 'cytoscape-dagre';
import { useEffect, useRef } from 'react';
import { useNavigate } from 'react-router';
import type { Chain } from '../../api/types';
import { formatIsoDate } from '../../lib/format';
import './graph.css';

cytoscape.use(dagre);

// Cytoscape adds a <style> element unless one with this id exists; the strict CSP (style-src
// 'self') would refuse it, and graph.css already gives the container its position.
if (typeof document !== 'undefined' && !document.getElementById('__________cytoscape_stylesheet')) {
  const placeholder = document.createElement('meta');
  placeholder.id = '__________cytoscape_stylesheet';
  placeholder.name = 'cytoscape-stylesheet-in-css';
  document.head.appendChild(placeholder);
}

const STYLE: StylesheetJson = [
  {
    selector: 'node',
    style: {
      label: 'data(label)',
      'text-wrap': 'wrap',
      'text-max-width': '170px',
      'text-valign': 'center',
      'text-halign': 'center',
      'font-size': '12px',
      'font-family': 'system-ui, sans-serif',
      color: '#16202c',
      width: '190px',
      height: '64px',
      shape: 'round-rectangle',
      'border-width': 2,
    },
  },
  {
    selector: 'node[kind = "incident"]',
    style: { 'background-color': '#fde0e0', 'border-color': '#b91c1c' },
  },
  {
    selector: 'node[kind = "statement"]',
    style: { 'background-color': '#e2e6ff', 'border-color': '#2b3a8f', shape: 'rectangle' },
  },
  {
    selector: 'node[kind = "events"]',
    style: {
      'background-color': '#f1f1f1',
      'border-color': '#777',
      'border-style': 'dashed',
      shape: 'ellipse',
    },
  },
  { selector: 'node.focused', style: { 'border-width': 4, 'border-color': '#f59e0b' } },
  {
    selector: 'edge',
    style: {
      width: 2,
      'line-color': '#6b7280',
      'target-arrow-color': '#6b7280',
      'target-arrow-shape': 'triangle',
      'curve-style': 'bezier',
      label: 'retaliation for',
      'font-size': '9px',
      color: '#4d5966',
      'text-background-color': '#ffffff',
      'text-background-opacity': 1,
      'text-background-padding': '2px',
      'text-rotation': 'autorotate',
    },
  },
];

function shortLabel(label: string): string {
  return label.length > 90 ? `${label.slice(0, 88)}…` : label;
}

/**
 * A retaliation chain drawn with Cytoscape and the dagre layout: time runs left to right (an arrow
 * points from the act of revenge back to what it avenges). Click a node to open it.
 */
export default function ChainGraph({ chain, focusId }: { chain: Chain; focusId?: string | undefined }) {
  const container = useRef<HTMLDivElement>(null);
  const navigate = useNavigate();

  useEffect(() => {
    if (!container.current) return;
    const order = new Map(chain.nodes.map((n, i) => [n.id, i]));
    const elements: ElementDefinition[] = [
      ...chain.nodes.map((n) => ({
        data: {
          id: n.id,
          kind: n.kind,
          order: order.get(n.id) ?? 0,
          label: `${n.date ? formatIsoDate(n.date) : 'undated'}\n${shortLabel(n.label)}`,
        },
        classes: n.id === focusId ? 'focused' : '',
      })),
      ...chain.edges.map((e, i) => ({ data: { id: `e${i}`, source: e.from, target: e.to } })),
    ];
    const cy = cytoscape({
      container: container.current,
      elements,
      style: STYLE,
      layout: {
        name: 'dagre',
        rankDir: 'RL',
        nodeSep: 30,
        rankSep: 70,
        // Nodes of a rank keep the chain's date order.
        sort: (a: cytoscape.NodeSingular, b: cytoscape.NodeSingular) =>
          Number(a.data('order')) - Number(b.data('order')),
      } as cytoscape.LayoutOptions,
      minZoom: 0.3,
      maxZoom: 2.5,
      boxSelectionEnabled: false,
      autoungrabify: true,
    });
    cy.on('tap', 'node', (evt) => {
      const id = String(evt.target.id());
      if (id.startsWith('inc-')) navigate(`/incidents/${encodeURIComponent(id)}`);
      else if (id.startsWith('stm-')) navigate(`/statements/${encodeURIComponent(id)}`);
    });
    cy.on('mouseover', 'node', (evt) => {
      const id = String(evt.target.id());
      if (container.current) container.current.classList.toggle('pointer', !id.startsWith('events-'));
    });
    cy.on('mouseout', 'node', () => container.current?.classList.remove('pointer'));
    cy.fit(undefined, 24);
    // A short chain would be blown up to fill the box: keep text at its natural size.
    if (cy.zoom() > 1.3) {
      cy.zoom(1.3);
      cy.center();
    }
    return () => cy.destroy();
  }, [chain, focusId, navigate]);

  return (
    <div
      ref={container}
      className={`chain-graph${chain.nodes.length <= 4 ? ' small' : ''}`}
      role="img"
      aria-label={`Graph of the chain: ${chain.nodes.length} incidents and statements; the list beside it gives the same in order`}
    />
  );
}
