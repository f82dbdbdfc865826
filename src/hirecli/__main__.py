from hirecli.cli.entry import main

main()
