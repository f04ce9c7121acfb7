import ApexCharts from 'apexcharts';

/**
 * <safespeak-apex-chart>: renders an ApexCharts chart from the JSON string in its `config` property.
 * The server side (dev.safespeak.base.ui.chart.ApexChart) owns the options; this element only parses them,
 * creates the chart once and updates it in place when the property changes.
 * Sets the attribute `rendered` once ApexCharts has drawn, so browser tests can wait for it.
 */
class SafespeakApexChart extends HTMLElement {
  constructor() {
    super();
    this._chart = null;
    this._config = null;
  }

  set config(value) {
    this._config = value;
    this._render();
  }

  get config() {
    return this._config;
  }

  connectedCallback() {
    // Flow may set the property before the element is upgraded; the instance property then shadows the setter.
    if (Object.prototype.hasOwnProperty.call(this, 'config')) {
      const value = this.config;
      delete this.config;
      this.config = value;
    }
    this._render();
  }

  disconnectedCallback() {
    if (this._chart) {
      this._chart.destroy();
      this._chart = null;
    }
    this.removeAttribute('rendered');
  }

  _render() {
    if (!this.isConnected || !this._config) {
      return;
    }
    let options;
    try {
      options = JSON.parse(this._config);
    } catch (e) {
      console.error('safespeak-apex-chart: config is not JSON', e);
      return;
    }
    if (this._chart) {
      this._chart.updateOptions(options, true, false);
      return;
    }
    const target = document.createElement('div');
    this.appendChild(target);
    this._chart = new ApexCharts(target, options);
    this._chart.render().then(() => this.setAttribute('rendered', ''));
  }
}

if (!customElements.get('safespeak-apex-chart')) {
  customElements.define('safespeak-apex-chart', SafespeakApexChart);
}
