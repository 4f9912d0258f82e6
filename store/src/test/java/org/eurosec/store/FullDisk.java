package org.eurosec.store;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.util.concurrent.atomic.AtomicBoolean;
import org.h2.store.fs.FileBase;
import org.h2.store.fs.FilePath;
import org.h2.store.fs.FilePathWrapper;

/**
 * An H2 file system ({@code jdbc:h2:full:PATH}) over the real disk that can be made to behave as
 * a full one: while {@link #FULL} is set, every write, sync or growth fails with "No space left on
 * device", as a small file system does when it fills up. Reads still work.
 */
public final class FullDisk extends FilePathWrapper {

    public static final AtomicBoolean FULL = new AtomicBoolean();

    static {
        FilePath.register(new FullDisk());
    }

    /** Makes sure the scheme is registered (loading the class does it). */
    public static void register() {
    }

    @Override
    public String getScheme() {
        return "full";
    }

    @Override
    public FileChannel open(String mode) throws IOException {
        return new Channel(getBase().open(mode));
    }

    @Override
    public java.io.OutputStream newOutputStream(boolean append) throws IOException {
        full();
        return super.newOutputStream(append);
    }

    static void full() throws IOException {
        if (FULL.get()) {
            throw new IOException("No space left on device");
        }
    }

    static final class Channel extends FileBase {
        private final FileChannel base;

        Channel(FileChannel base) {
            this.base = base;
        }

        @Override
        public int read(ByteBuffer dst) throws IOException {
            return base.read(dst);
        }

        @Override
        public int read(ByteBuffer dst, long position) throws IOException {
            return base.read(dst, position);
        }

        @Override
        public int write(ByteBuffer src) throws IOException {
            full();
            return base.write(src);
        }

        @Override
        public int write(ByteBuffer src, long position) throws IOException {
            full();
            return base.write(src, position);
        }

        @Override
        public long position() throws IOException {
            return base.position();
        }

        @Override
        public FileChannel position(long newPosition) throws IOException {
            base.position(newPosition);
            return this;
        }

        @Override
        public long size() throws IOException {
            return base.size();
        }

        @Override
        public FileChannel truncate(long size) throws IOException {
            base.truncate(size);
            return this;
        }

        @Override
        public void force(boolean metaData) throws IOException {
            full();
            base.force(metaData);
        }

        @Override
        public FileLock tryLock(long position, long size, boolean shared) throws IOException {
            return base.tryLock(position, size, shared);
        }

        @Override
        protected void implCloseChannel() throws IOException {
            base.close();
        }
    }
}
