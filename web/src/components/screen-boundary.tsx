import { Component, useEffect, type ErrorInfo, type ReactNode } from 'react';
import { Link } from 'react-router';
import { pageTitle } from '../screen-paths';

interface BoundaryProps {
  /** The screen's name, for the page title and the message ("The Deliveries screen failed"). */
  screen: string;
  children: ReactNode;
}

/**
 * One screen of the console: sets the page title and catches what the screen throws while
 * rendering, showing what failed with a way back instead of a blank page. The rest of the console
 * (navigation, sign out) keeps working.
 */
export function Screen({ screen, children }: BoundaryProps) {
  useEffect(() => {
    document.title = pageTitle(screen);
  }, [screen]);
  return <ScreenBoundary screen={screen}>{children}</ScreenBoundary>;
}

export class ScreenBoundary extends Component<BoundaryProps, { error: Error | null }> {
  state = { error: null as Error | null };

  static getDerivedStateFromError(error: Error) {
    return { error };
  }

  componentDidCatch(error: Error, info: ErrorInfo) {
    console.warn(`The ${this.props.screen} screen failed:`, error, info.componentStack);
  }

  render() {
    const { error } = this.state;
    if (!error) return this.props.children;
    return (
      <section className="screen-failed" aria-labelledby="screen-failed-heading">
        <h1 id="screen-failed-heading">The {this.props.screen} screen failed</h1>
        <div className="banner banner-error" role="alert">
          <p>The console could not show this page. Nothing was sent or changed by the failure itself.</p>
          <p>
            What failed: <code>{error.message || error.name}</code>
          </p>
        </div>
        <p className="hint">
          Try again, or go back. If it keeps failing, the console and the server may be different versions: reload the page.
        </p>
        <div className="actions">
          <button type="button" className="primary" onClick={() => this.setState({ error: null })}>
            Try again
          </button>
          <button type="button" onClick={() => window.history.back()}>
            Go back
          </button>
          <Link to="/">Go to the start page</Link>
        </div>
      </section>
    );
  }
}
