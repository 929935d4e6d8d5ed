// A map that cannot load (no WebGL, a missing file) says so in one sentence
// and leaves the rest of the page working: every map here is an aid, never the
// only way to an answer.
import { Component, type ReactNode } from 'react';

export class MapFailure extends Component<{ message: string; children: ReactNode }, { failed: boolean }> {
  override state = { failed: false };

  static getDerivedStateFromError() {
    return { failed: true };
  }

  override render() {
    return this.state.failed ? <p className="text-alert-700">{this.props.message}</p> : this.props.children;
  }
}
