/**
 * A Flow component wrapping the ApexCharts JavaScript library, shared by every view that draws charts
 * (the evidence panels on the board and the executive page).
 */
package dev.safespeak.base.ui.chart;
