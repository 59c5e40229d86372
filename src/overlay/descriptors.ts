// Open file descriptions of the overlay: fake descriptor numbers from FIRST_FD up, one position each.
import type { Inode, LowerNode } from './inode.js';

/** The base Node 26's own node:vfs uses; Linux never hands out descriptors this high (see research/node.md §6). */
export const FIRST_FD = 0x40000000;
const LAST_FD = 0x7fffffff;

export class Descriptor {
  position = 0;
  /** Content written since the last time it was reported to the observer. */
  dirty = false;

  constructor(
    /** The upper inode, or null while this is a read-only descriptor of a disk entry never copied up. */
    public inode: Inode | null,
    readonly lowerNode: LowerNode | null,
    readonly readable: boolean,
    readonly writable: boolean,
    readonly append: boolean,
  ) {}
}

export class DescriptorTable {
  private readonly open = new Map<number, Descriptor>();
  private next = FIRST_FD;

  add(d: Descriptor): number {
    let fd = this.next;
    while (this.open.has(fd)) fd = fd === LAST_FD ? FIRST_FD : fd + 1;
    this.next = fd === LAST_FD ? FIRST_FD : fd + 1;
    this.open.set(fd, d);
    return fd;
  }

  get(fd: number): Descriptor | undefined {
    return this.open.get(fd);
  }

  delete(fd: number): void {
    this.open.delete(fd);
  }

  has(fd: number): boolean {
    return this.open.has(fd);
  }

  values(): IterableIterator<Descriptor> {
    return this.open.values();
  }
}
