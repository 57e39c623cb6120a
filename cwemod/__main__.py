from cwemod.cli import main

main()
