# case: unsafe
import tarfile


def unpack_images(archive, destination, wanted):
    with tarfile.TarFile.open(archive, mode="r") as image_tar:
        image_tar.extractall(path=destination, members=selected(image_tar))


def unpack_hanging(archive, destination):
    with tarfile.open(archive) as tar:
        tar.extractall(
            path=destination,
            members=None,
        )
