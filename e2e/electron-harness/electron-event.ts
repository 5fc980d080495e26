/** Electron's event object for preventable events: listeners call `preventDefault()`, the emitter reads the flag. */
export interface ElectronEvent {
  defaultPrevented: boolean;
  preventDefault(): void;
}

export function electronEvent<Extra extends object>(extra?: Extra): ElectronEvent & Extra {
  const event = {
    ...(extra as Extra),
    defaultPrevented: false,
    preventDefault() {
      event.defaultPrevented = true;
    },
  };
  return event;
}
